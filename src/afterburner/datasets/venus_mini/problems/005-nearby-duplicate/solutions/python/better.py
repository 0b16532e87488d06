# better: O(n log n) sort positions by value, equal values end up adjacent in index order
class Solution:
    def containsNearbyDuplicate(self, nums, k):
        order = sorted(range(len(nums)), key=lambda i: (nums[i], i))
        for a, b in zip(order, order[1:]):
            if nums[a] == nums[b] and b - a <= k:
                return True
        return False
