# naive: rescan every window with an explicit loop to find its maximum, O(n*k)
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        result = []
        for start in range(len(nums) - k + 1):
            best = nums[start]
            for i in range(start + 1, start + k):
                if nums[i] > best:
                    best = nums[i]
            result.append(best)
        return result
