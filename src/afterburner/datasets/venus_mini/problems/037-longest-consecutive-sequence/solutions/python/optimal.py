# optimal: O(n) time - hash set; only values without a predecessor start a walk, so each value is visited a constant number of times
from typing import List


class Solution:
    def longestConsecutive(self, nums: List[int]) -> int:
        values = set(nums)
        best = 0
        for v in values:
            if v - 1 not in values:
                w = v + 1
                while w in values:
                    w += 1
                if w - v > best:
                    best = w - v
        return best
