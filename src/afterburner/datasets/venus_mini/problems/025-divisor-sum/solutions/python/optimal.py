# optimal: Dirichlet hyperbola, D(N) = 2 * sum_{i <= r} floor(N / i) - r^2 with r = isqrt(N), O(sqrt N)
import sys
from math import isqrt


def main():
    n = int(sys.stdin.read().split()[0])
    r = isqrt(n)
    print(2 * sum(n // i for i in range(1, r + 1)) - r * r)


main()
