# optimal: O(n) one pass, dict from value to the last position it was seen at
class Solution:
    def containsNearbyDuplicate(self, nums, k):
        last = {}
        for j, v in enumerate(nums):
            i = last.get(v)
            if i is not None and j - i <= k:
                return True
            last[v] = j
        return False
