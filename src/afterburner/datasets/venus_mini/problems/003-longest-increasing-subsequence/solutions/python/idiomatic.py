# idiomatic: O(n^2) DP, each step one max() over a zip-filtered generator of earlier results
class Solution:
    def lengthOfLIS(self, nums):
        best = []
        for i, x in enumerate(nums):
            best.append(1 + max((b for v, b in zip(nums[:i], best) if v < x), default=0))
        return max(best, default=0)
