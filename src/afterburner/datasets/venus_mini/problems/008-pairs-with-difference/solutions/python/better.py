# better: O(n log n) sort, then binary-search the run of value+k to the right of each element
from bisect import bisect_left, bisect_right

import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    s = sorted(a)
    count = 0
    for i, x in enumerate(s):
        want = x + k
        count += bisect_right(s, want, i + 1) - bisect_left(s, want, i + 1)
    print(count)


main()
