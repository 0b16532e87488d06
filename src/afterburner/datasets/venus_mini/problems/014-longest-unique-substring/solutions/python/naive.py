# naive: O(n * k^2) grow each start position, re-checking every candidate with a fresh set (k = answer)
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        n = len(s)
        best = 0
        for i in range(n):
            for j in range(i, n):
                if len(set(s[i:j + 1])) != j - i + 1:
                    break  # any longer substring from i repeats too
                if j - i + 1 > best:
                    best = j - i + 1
        return best
