# naive: O(n^2) for each position count the copies of its value with an inner loop
class Solution:
    def majorityElement(self, nums):
        n = len(nums)
        for i in range(n):
            v = nums[i]
            count = 0
            for j in range(n):
                if nums[j] == v:
                    count += 1
            if 2 * count > n:
                return v
        return None
