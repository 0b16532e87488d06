# better: O(sqrt(p) * m^3) time - square-root split: B = A^s with s ~ sqrt(p), then A^p = B^(p // s) * A^(p % s)
import sys
from math import isqrt

MOD = 1_000_000_007


def mul(x, y, m):
    res = [[0] * m for _ in range(m)]
    for i in range(m):
        xi = x[i]
        ri = res[i]
        for j in range(m):
            s = 0
            for t in range(m):
                s += xi[t] * y[t][j]
            ri[j] = s % MOD
    return res


def main():
    data = sys.stdin.buffer.read().split()
    m, p = int(data[0]), int(data[1])
    a = [[int(data[2 + i * m + j]) for j in range(m)] for i in range(m)]
    ident = [[1 if i == j else 0 for j in range(m)] for i in range(m)]
    s = max(1, isqrt(p))
    block = ident
    for _ in range(s):
        block = mul(block, a, m)
    result = ident
    for _ in range(p // s):
        result = mul(result, block, m)
    for _ in range(p % s):
        result = mul(result, a, m)
    print("\n".join(" ".join(map(str, row)) for row in result))


main()
