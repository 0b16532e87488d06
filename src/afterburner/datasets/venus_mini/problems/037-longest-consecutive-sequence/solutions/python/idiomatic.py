# idiomatic: O(n log n) time - sorted(set(...)), itertools.groupby on value minus position, longest group wins
from itertools import groupby
from typing import List


class Solution:
    def longestConsecutive(self, nums: List[int]) -> int:
        ordered = sorted(set(nums))
        keyed = (v - i for i, v in enumerate(ordered))
        return max((sum(1 for _ in grp) for _, grp in groupby(keyed)), default=0)
