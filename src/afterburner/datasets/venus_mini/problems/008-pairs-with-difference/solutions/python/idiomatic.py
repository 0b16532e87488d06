# idiomatic: O(n) collections.Counter, multiply the counts of v and v+k
from collections import Counter

import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    c = Counter(a)
    if k == 0:
        print(sum(m * (m - 1) // 2 for m in c.values()))
    else:
        print(sum(m * c[v + k] for v, m in c.items() if v + k in c))


main()
