# idiomatic: O(n) time, O(n) memory - itertools.accumulate for running maxima from both ends, summed with map
from itertools import accumulate
from typing import List


class Solution:
    def trap(self, height: List[int]) -> int:
        left = accumulate(height, max)
        right = list(accumulate(reversed(height), max))
        right.reverse()
        return sum(map(min, left, right)) - sum(height)
