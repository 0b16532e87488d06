# lean: O(n) time, O(k) memory, a sliding-window set of the last k values
class Solution:
    def containsNearbyDuplicate(self, nums, k):
        if k <= 0:
            return False
        window = set()
        for j, v in enumerate(nums):
            if v in window:
                return True
            window.add(v)
            if j >= k:
                window.discard(nums[j - k])
        return False
