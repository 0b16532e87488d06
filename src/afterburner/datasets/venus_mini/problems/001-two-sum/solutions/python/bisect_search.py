# bisect_search: O(n log n) sort the values once, binary-search each complement
from bisect import bisect_left


class Solution:
    def twoSum(self, nums, target):
        order = sorted(range(len(nums)), key=nums.__getitem__)
        vals = [nums[k] for k in order]
        m = len(vals)
        for p in range(m):
            want = target - vals[p]
            q = bisect_left(vals, want, p + 1)
            if q < m and vals[q] == want:
                i, j = order[p], order[q]
                return [i, j] if i < j else [j, i]
        return []
