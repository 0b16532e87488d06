# lean: O(n^2) worst-case expand-around-center, O(1) extra memory
class Solution:
    def longestPalindromeLength(self, s: str) -> int:
        n = len(s)
        best = 1
        for c in range(2 * n - 1):
            lo = c // 2
            hi = lo + (c & 1)
            while lo >= 0 and hi < n and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > best:
                best = hi - lo - 1
        return best
