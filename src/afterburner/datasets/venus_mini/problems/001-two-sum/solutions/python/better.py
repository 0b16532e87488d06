# better: O(n log n) sort the indices by value, then close in with two pointers
class Solution:
    def twoSum(self, nums, target):
        order = sorted(range(len(nums)), key=nums.__getitem__)
        lo, hi = 0, len(order) - 1
        while lo < hi:
            s = nums[order[lo]] + nums[order[hi]]
            if s == target:
                i, j = order[lo], order[hi]
                return [i, j] if i < j else [j, i]
            if s < target:
                lo += 1
            else:
                hi -= 1
        return []
