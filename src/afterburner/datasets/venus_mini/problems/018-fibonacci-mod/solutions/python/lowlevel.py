# lowlevel: 2x2 matrix exponentiation by squaring with the entries in plain locals, O(q log n)
import sys

MOD = 1_000_000_007


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    out = []
    i = 1
    while i <= q:
        n = int(data[i])
        # result matrix r = identity, base m = [[1, 1], [1, 0]]
        r00, r01, r10, r11 = 1, 0, 0, 1
        m00, m01, m10, m11 = 1, 1, 1, 0
        while n > 0:
            if n & 1:
                t00 = (r00 * m00 + r01 * m10) % MOD
                t01 = (r00 * m01 + r01 * m11) % MOD
                t10 = (r10 * m00 + r11 * m10) % MOD
                t11 = (r10 * m01 + r11 * m11) % MOD
                r00, r01, r10, r11 = t00, t01, t10, t11
            t00 = (m00 * m00 + m01 * m10) % MOD
            t01 = (m00 * m01 + m01 * m11) % MOD
            t10 = (m10 * m00 + m11 * m10) % MOD
            t11 = (m10 * m01 + m11 * m11) % MOD
            m00, m01, m10, m11 = t00, t01, t10, t11
            n >>= 1
        out.append(r01)  # [[1,1],[1,0]]^n = [[F(n+1), F(n)], [F(n), F(n-1)]]
        i += 1
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
