# sparse: sparse table of range maxima over power-of-two spans, two overlapping lookups per window, O(n log n)
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        n = len(nums)
        level = nums
        span = 1
        while span * 2 <= k:
            prev = level
            level = [a if a > b else b for a, b in zip(prev, prev[span:])]
            span *= 2
        # level[i] = max(nums[i : i + span]) with span the largest power of two <= k
        shift = k - span
        return [a if a > b else b for a, b in zip(level, level[shift:n - span + 1])]
