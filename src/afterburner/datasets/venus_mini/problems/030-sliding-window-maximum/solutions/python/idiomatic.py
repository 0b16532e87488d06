# idiomatic: built-in max over each window slice, O(n*k) but the inner scan runs in C
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        return [max(nums[i:i + k]) for i in range(len(nums) - k + 1)]
