# optimal: O(n + d log k) dict counts, then heapq.nsmallest on (-count, value)
import heapq

import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    counts = {}
    get = counts.get
    for x in a:
        counts[x] = get(x, 0) + 1
    top = heapq.nsmallest(k, ((-c, v) for v, c in counts.items()))
    print(" ".join(str(v) for _, v in top))


main()
