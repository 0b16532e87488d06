# count_scan: O(n*d) list.count for each distinct value in order of first appearance (d distinct values)
class Solution:
    def majorityElement(self, nums):
        half = len(nums) // 2
        tried = set()
        for v in nums:
            if v not in tried:
                tried.add(v)
                if nums.count(v) > half:
                    return v
        return None
