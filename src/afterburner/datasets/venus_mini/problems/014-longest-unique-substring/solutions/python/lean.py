# lean: O(n) sliding window with a fixed 128-slot table of last positions, O(1) extra memory
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        last = [-1] * 128
        start = best = 0
        i = 0
        for code in s.encode():
            if last[code] >= start:
                start = last[code] + 1
            last[code] = i
            i += 1
            if i - start > best:
                best = i - start
        return best
