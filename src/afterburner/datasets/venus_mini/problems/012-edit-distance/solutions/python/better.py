# better: bottom-up full (n+1)x(m+1) table, O(n*m) time and memory
import sys


def main():
    a, b = sys.stdin.read().split()[:2]
    n, m = len(a), len(b)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        dp[0][j] = j
    for i in range(1, n + 1):
        dp[i][0] = i
        ca = a[i - 1]
        for j in range(1, m + 1):
            if ca == b[j - 1]:
                dp[i][j] = dp[i - 1][j - 1]
            else:
                dp[i][j] = 1 + min(dp[i - 1][j], dp[i][j - 1], dp[i - 1][j - 1])
    print(dp[n][m])


main()
