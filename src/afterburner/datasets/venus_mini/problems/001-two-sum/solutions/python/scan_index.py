# scan_index: O(n^2) worst case, but the complement search runs in C via list.index
class Solution:
    def twoSum(self, nums, target):
        n = len(nums)
        for i in range(n - 1):
            try:
                j = nums.index(target - nums[i], i + 1)
            except ValueError:
                continue
            return [i, j]
        return []
