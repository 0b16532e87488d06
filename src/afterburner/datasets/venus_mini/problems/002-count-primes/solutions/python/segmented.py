# segmented: O(N log log N) time, O(sqrt(N)) memory; sieve one block of sqrt(N) numbers at a time
import sys
from math import isqrt


def main():
    n = int(sys.stdin.read().split()[0])
    if n < 3:
        print(0)
        return
    root = isqrt(n) + 1
    base = bytearray([1]) * (root + 1)
    base[0] = base[1] = 0
    for i in range(2, isqrt(root) + 1):
        if base[i]:
            base[i * i::i] = bytes(len(range(i * i, root + 1, i)))
    small = [i for i in range(2, root + 1) if base[i]]
    block = max(root, 1 << 12)
    count = 0
    lo = 2
    while lo < n:
        hi = min(lo + block, n)
        seg = bytearray([1]) * (hi - lo)
        for p in small:
            if p * p >= hi:
                break
            start = max(p * p, (lo + p - 1) // p * p)
            seg[start - lo::p] = bytes(len(range(start - lo, hi - lo, p)))
        count += seg.count(1)
        lo = hi
    print(count)


main()
