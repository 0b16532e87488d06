# optimal: O(n log n) patience tails, the slot of each element found with bisect_left
from bisect import bisect_left


class Solution:
    def lengthOfLIS(self, nums):
        tails = []
        for x in nums:
            k = bisect_left(tails, x)
            if k == len(tails):
                tails.append(x)
            else:
                tails[k] = x
        return len(tails)
