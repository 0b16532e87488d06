# naive: O(n^3) check every substring with two pointers
class Solution:
    def longestPalindromeLength(self, s: str) -> int:
        n = len(s)
        best = 0
        for i in range(n):
            for j in range(i, n):
                lo, hi = i, j
                while lo < hi and s[lo] == s[hi]:
                    lo += 1
                    hi -= 1
                if lo >= hi and j - i + 1 > best:
                    best = j - i + 1
        return best
