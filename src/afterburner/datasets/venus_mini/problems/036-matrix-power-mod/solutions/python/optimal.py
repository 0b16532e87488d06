# optimal: O(m^3 log p) time - binary exponentiation, products via zip over columns and sum(map(mul)), one reduction per entry
import sys
from operator import mul

MOD = 1_000_000_007


def matmul(x, y):
    cols = list(zip(*y))
    return [[sum(map(mul, row, col)) % MOD for col in cols] for row in x]


def main():
    data = sys.stdin.buffer.read().split()
    m, p = int(data[0]), int(data[1])
    base = [[int(data[2 + i * m + j]) for j in range(m)] for i in range(m)]
    result = [[1 if i == j else 0 for j in range(m)] for i in range(m)]
    while p:
        if p & 1:
            result = matmul(result, base)
        p >>= 1
        if p:
            base = matmul(base, base)
    print("\n".join(" ".join(map(str, row)) for row in result))


main()
