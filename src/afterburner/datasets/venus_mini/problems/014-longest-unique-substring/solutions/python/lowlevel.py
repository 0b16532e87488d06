# lowlevel: O(n) two pointers over byte codes with an integer bitmask as the window's set
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        b = s.encode()
        n = len(b)
        mask = 0
        lo = hi = 0
        best = 0
        while hi < n:
            bit = 1 << b[hi]
            while mask & bit:
                mask ^= 1 << b[lo]
                lo += 1
            mask |= bit
            hi += 1
            if hi - lo > best:
                best = hi - lo
        return best
