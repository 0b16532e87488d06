# optimal: fast doubling F(2k) = F(k)(2F(k+1) - F(k)), F(2k+1) = F(k)^2 + F(k+1)^2, O(q log n)
import sys

MOD = 1_000_000_007


def fib(n):
    a, b = 0, 1  # F(0), F(1); walk the bits of n from the top
    for bit in bin(n)[2:]:
        c = a * (2 * b - a) % MOD
        d = (a * a + b * b) % MOD
        if bit == "1":
            a, b = d, (c + d) % MOD
        else:
            a, b = c, d
    return a


def main():
    data = sys.stdin.read().split()
    q = int(data[0])
    print("\n".join(str(fib(int(x))) for x in data[1:1 + q]))


main()
