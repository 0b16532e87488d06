# naive: O(n * g * L log L) compare each word with every group's representative by sorting both
import sys


def is_anagram(x, y):
    return len(x) == len(y) and sorted(x) == sorted(y)


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    groups = []  # [representative, size]
    for w in data[1:1 + n]:
        for g in groups:
            if is_anagram(w, g[0]):
                g[1] += 1
                break
        else:
            groups.append([w, 1])
    print(len(groups), max(g[1] for g in groups))


main()
