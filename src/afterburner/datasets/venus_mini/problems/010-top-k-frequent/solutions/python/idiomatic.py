# idiomatic: O(n + d log d) collections.Counter, sorted with a (-count, value) key
from collections import Counter

import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    ranked = sorted(Counter(a).items(), key=lambda t: (-t[1], t[0]))
    print(" ".join(str(v) for v, _ in ranked[:k]))


main()
