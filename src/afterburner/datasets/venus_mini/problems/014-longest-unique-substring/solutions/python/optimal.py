# optimal: O(n) sliding window that jumps its left edge past the last copy of the new character
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        last = {}
        start = best = 0
        for i, c in enumerate(s):
            p = last.get(c, -1)
            if p >= start:
                start = p + 1
            last[c] = i
            if i - start >= best:
                best = i - start + 1
        return best
