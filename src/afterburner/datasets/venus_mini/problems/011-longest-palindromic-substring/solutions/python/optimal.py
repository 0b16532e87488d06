# optimal: O(n) Manacher's algorithm over the separator-padded string
class Solution:
    def longestPalindromeLength(self, s: str) -> int:
        t = "^#" + "#".join(s) + "#$"
        m = len(t)
        radius = [0] * m
        center = right = 0
        for i in range(1, m - 1):
            r = 0
            if i < right:
                mirror = radius[2 * center - i]
                r = right - i if right - i < mirror else mirror
            while t[i + r + 1] == t[i - r - 1]:
                r += 1
            radius[i] = r
            if i + r > right:
                center, right = i, i + r
        return max(radius)
