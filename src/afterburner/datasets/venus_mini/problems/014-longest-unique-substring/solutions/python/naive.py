# naive: O(n * k^2) brute force, every candidate substring re-checked from scratch (k = answer <= 62)
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        def all_distinct(lo, hi):
            seen = set()
            for p in range(lo, hi + 1):
                if s[p] in seen:
                    return False
                seen.add(s[p])
            return True

        n = len(s)
        best = 0
        for i in range(n):
            for j in range(i, n):
                if not all_distinct(i, j):
                    break  # a longer substring from i contains the same repeat
                if j - i + 1 > best:
                    best = j - i + 1
        return best
