# naive: O(n * W) time and memory - full 2D table, every cell of every row filled (also capacities that can never matter) via max()
import sys


def main():
    data = sys.stdin.read().split()
    n, cap = int(data[0]), int(data[1])
    weights = [int(data[2 + 2 * i]) for i in range(n)]
    values = [int(data[3 + 2 * i]) for i in range(n)]
    dp = [[0] * (cap + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for c in range(cap + 1):
            dp[i][c] = dp[i - 1][c]
            if weights[i - 1] <= c:
                dp[i][c] = max(dp[i][c], dp[i - 1][c - weights[i - 1]] + values[i - 1])
    print(dp[n][cap])


main()
