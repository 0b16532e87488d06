# optimal: Knuth-Morris-Pratt with the failure function of the pattern, O(n + m)
import sys


def main():
    data = sys.stdin.read().split()
    text, pattern = data[0], data[1]
    m = len(pattern)
    fail = [0] * m
    k = 0
    for i in range(1, m):
        while k and pattern[i] != pattern[k]:
            k = fail[k - 1]
        if pattern[i] == pattern[k]:
            k += 1
        fail[i] = k
    count = 0
    k = 0
    for c in text:
        while k and c != pattern[k]:
            k = fail[k - 1]
        if c == pattern[k]:
            k += 1
            if k == m:
                count += 1
                k = fail[k - 1]
    print(count)


main()
