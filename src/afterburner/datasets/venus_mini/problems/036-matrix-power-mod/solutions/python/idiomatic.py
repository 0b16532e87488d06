# idiomatic: O(m^3 log p) time - recursive halving A^p = (A^(p//2))^2 * A^(p%2) with comprehension-based products
import sys

MOD = 1_000_000_007


def matmul(x, y):
    return [[sum(a * b for a, b in zip(row, col)) % MOD for col in zip(*y)] for row in x]


def power(a, p):
    if p == 0:
        return [[int(i == j) for j in range(len(a))] for i in range(len(a))]
    half = power(a, p // 2)
    sq = matmul(half, half)
    return matmul(sq, a) if p % 2 else sq


def main():
    m, p, *vals = map(int, sys.stdin.read().split())
    a = [vals[i * m:(i + 1) * m] for i in range(m)]
    for row in power(a, p):
        print(*row)


main()
