# lowlevel: O(m^3 log p) time - binary exponentiation on flat row-major lists with explicit index loops
import sys

MOD = 1_000_000_007


def matmul(x, y, m):
    res = [0] * (m * m)
    i = 0
    while i < m:
        j = 0
        while j < m:
            s = 0
            t = 0
            while t < m:
                s += x[i * m + t] * y[t * m + j]
                t += 1
            res[i * m + j] = s % MOD
            j += 1
        i += 1
    return res


def main():
    data = sys.stdin.buffer.read().split()
    m = int(data[0])
    p = int(data[1])
    base = [0] * (m * m)
    k = 0
    while k < m * m:
        base[k] = int(data[2 + k])
        k += 1
    result = [0] * (m * m)
    k = 0
    while k < m:
        result[k * m + k] = 1
        k += 1
    while p > 0:
        if p & 1:
            result = matmul(result, base, m)
        p >>= 1
        if p > 0:
            base = matmul(base, base, m)
    lines = []
    i = 0
    while i < m:
        lines.append(" ".join([str(v) for v in result[i * m:(i + 1) * m]]))
        i += 1
    sys.stdout.write("\n".join(lines) + "\n")


main()
