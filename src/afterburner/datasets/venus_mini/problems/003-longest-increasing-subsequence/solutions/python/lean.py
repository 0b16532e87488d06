# lean: O(n log n) with O(1) extra memory, the tails live in the front of the input list itself
from bisect import bisect_left


class Solution:
    def lengthOfLIS(self, nums):
        size = 0
        for i in range(len(nums)):
            x = nums[i]
            k = bisect_left(nums, x, 0, size)
            nums[k] = x
            if k == size:
                size += 1
        return size
