# better: bottom-up full (n+1)x(m+1) table, O(n*m) time and memory
class Solution:
    def longestCommonSubsequence(self, text1: str, text2: str) -> int:
        n, m = len(text1), len(text2)
        dp = [[0] * (m + 1) for _ in range(n + 1)]
        for i in range(1, n + 1):
            c = text1[i - 1]
            row, up = dp[i], dp[i - 1]
            for j in range(1, m + 1):
                if c == text2[j - 1]:
                    row[j] = up[j - 1] + 1
                else:
                    row[j] = up[j] if up[j] > row[j - 1] else row[j - 1]
        return dp[n][m]
