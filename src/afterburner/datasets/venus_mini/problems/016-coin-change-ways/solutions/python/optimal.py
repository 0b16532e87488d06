# optimal: 1-D unbounded-knapsack counting, coins in the outer loop, O(k * A) time, O(A) memory
import sys

MOD = 1_000_000_007


def main():
    data = sys.stdin.read().split()
    k, amount = int(data[0]), int(data[1])
    ways = [0] * (amount + 1)
    ways[0] = 1
    for c in map(int, data[2:2 + k]):
        for a in range(c, amount + 1):
            ways[a] = (ways[a] + ways[a - c]) % MOD
    print(ways[amount])


main()
