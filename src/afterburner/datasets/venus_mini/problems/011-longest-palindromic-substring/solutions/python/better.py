# better: O(n^2) time, O(n^2) memory interval DP table pal[i][j]
class Solution:
    def longestPalindromeLength(self, s: str) -> int:
        n = len(s)
        pal = [[False] * n for _ in range(n)]
        best = 1
        for i in range(n - 1, -1, -1):
            row = pal[i]
            nxt = pal[i + 1] if i + 1 < n else None
            row[i] = True
            for j in range(i + 1, n):
                if s[i] == s[j] and (j - i < 3 or nxt[j - 1]):
                    row[j] = True
                    if j - i + 1 > best:
                        best = j - i + 1
        return best
