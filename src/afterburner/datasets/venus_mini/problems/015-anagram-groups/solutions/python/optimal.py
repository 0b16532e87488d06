# optimal: O(n L log L) hash map keyed by the sorted letters of each word
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    counts = {}
    get = counts.get
    for w in data[1:1 + n]:
        key = "".join(sorted(w))
        counts[key] = get(key, 0) + 1
    print(len(counts), max(counts.values()))


main()
