# naive: O(n^2) time - no hashing: list membership tests find run starts, then walk each run upward with more list scans
from typing import List


class Solution:
    def longestConsecutive(self, nums: List[int]) -> int:
        best = 0
        for v in nums:
            if v - 1 in nums:
                continue
            w = v + 1
            while w in nums:
                w += 1
            if w - v > best:
                best = w - v
        return best
