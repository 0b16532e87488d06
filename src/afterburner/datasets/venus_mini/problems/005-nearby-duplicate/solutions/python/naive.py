# naive: O(n*k) compare every element with each of the next k elements
class Solution:
    def containsNearbyDuplicate(self, nums, k):
        n = len(nums)
        for i in range(n):
            stop = min(n, i + k + 1)
            for j in range(i + 1, stop):
                if nums[i] == nums[j]:
                    return True
        return False
