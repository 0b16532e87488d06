# better: O(n log n) sort, the majority value must occupy the middle position
class Solution:
    def majorityElement(self, nums):
        return sorted(nums)[len(nums) // 2]
