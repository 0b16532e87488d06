# optimal: O(n) one pass, dict from value to its first index
class Solution:
    def twoSum(self, nums, target):
        seen = {}
        for j, v in enumerate(nums):
            i = seen.get(target - v)
            if i is not None:
                return [i, j]
            seen[v] = j
        return []
