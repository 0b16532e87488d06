# window_slice: O(n*k) but the window search runs in C, `x in nums[i+1:i+k+1]`
class Solution:
    def containsNearbyDuplicate(self, nums, k):
        for i, x in enumerate(nums):
            if x in nums[i + 1:i + k + 1]:
                return True
        return False
