class Solution:
    def longestPalindromeLength(self, s: str) -> int:
        pass
