# better: full 2-D table over (coins used so far, amount), O(k * A) time and memory
import sys

MOD = 1_000_000_007


def main():
    data = sys.stdin.read().split()
    k, amount = int(data[0]), int(data[1])
    coins = [int(x) for x in data[2:2 + k]]
    table = [[0] * (amount + 1) for _ in range(k + 1)]
    table[0][0] = 1
    for i in range(1, k + 1):
        c = coins[i - 1]
        prev, cur = table[i - 1], table[i]
        for a in range(amount + 1):
            v = prev[a]
            if a >= c:
                v += cur[a - c]
            cur[a] = v % MOD
    print(table[k][amount])


main()
