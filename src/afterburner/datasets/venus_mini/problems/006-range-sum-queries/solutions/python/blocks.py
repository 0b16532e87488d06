# blocks: O(n + q*sqrt(n)) sqrt decomposition, whole blocks from a table, loose ends one by one
import sys
from math import isqrt


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    q = int(data[1 + n])
    b = max(1, isqrt(n))
    block = [sum(a[s:s + b]) for s in range(0, n, b)]
    pos = 2 + n
    out = []
    for _ in range(q):
        l = int(data[pos])
        r = int(data[pos + 1])
        pos += 2
        bl, br = l // b, r // b
        if bl == br:
            s = 0
            for i in range(l, r + 1):
                s += a[i]
        else:
            s = 0
            for i in range(l, (bl + 1) * b):
                s += a[i]
            for k in range(bl + 1, br):
                s += block[k]
            for i in range(br * b, r + 1):
                s += a[i]
        out.append(s)
    print("\n".join(map(str, out)))


main()
