# bucket: O(n + d log d) bucket the values by count, walk the buckets from the highest count
from collections import Counter

import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    counts = Counter(a)
    buckets = [[] for _ in range(n + 1)]
    for v, c in counts.items():
        buckets[c].append(v)
    chosen = []
    for c in range(n, 0, -1):
        if buckets[c]:
            chosen.extend(sorted(buckets[c]))
            if len(chosen) >= k:
                break
    print(" ".join(map(str, chosen[:k])))


main()
