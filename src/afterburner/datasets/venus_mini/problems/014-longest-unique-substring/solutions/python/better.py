# better: O(n * k) extend from every start with one incremental set (k = answer <= 62)
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        n = len(s)
        best = 0
        for i in range(n):
            seen = set()
            j = i
            while j < n and s[j] not in seen:
                seen.add(s[j])
                j += 1
            if j - i > best:
                best = j - i
        return best
