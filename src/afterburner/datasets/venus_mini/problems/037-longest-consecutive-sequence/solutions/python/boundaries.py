# boundaries: O(n) time, one pass - dict keeps the run length at both ends of every run; a new value joins its neighbours' runs
from typing import List


class Solution:
    def longestConsecutive(self, nums: List[int]) -> int:
        ends = {}
        best = 0
        for v in nums:
            if v in ends:
                continue
            left = ends.get(v - 1, 0)
            right = ends.get(v + 1, 0)
            length = left + right + 1
            ends[v] = length
            ends[v - left] = length
            ends[v + right] = length
            if length > best:
                best = length
        return best
