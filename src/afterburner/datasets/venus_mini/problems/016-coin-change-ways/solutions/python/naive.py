# naive: memoized recursion over (coin index, remainder) looping over every count of the coin, O(k * A^2 / c)
import sys

MOD = 1_000_000_007


def main():
    data = sys.stdin.read().split()
    k, amount = int(data[0]), int(data[1])
    coins = [int(x) for x in data[2:2 + k]]
    memo = {}

    def ways(i, rem):
        if i == k:
            return 1 if rem == 0 else 0
        key = (i, rem)
        if key in memo:
            return memo[key]
        total = 0
        c = coins[i]
        used = 0
        while used <= rem:
            total += ways(i + 1, rem - used)
            used += c
        total %= MOD
        memo[key] = total
        return total

    print(ways(0, amount))


main()
