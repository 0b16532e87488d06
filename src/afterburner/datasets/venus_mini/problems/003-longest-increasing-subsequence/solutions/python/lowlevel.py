# lowlevel: O(n log n) patience tails with a hand-written binary search in a preallocated list
class Solution:
    def lengthOfLIS(self, nums):
        n = len(nums)
        tails = [0] * n
        size = 0
        i = 0
        while i < n:
            x = nums[i]
            lo, hi = 0, size
            while lo < hi:
                mid = (lo + hi) >> 1
                if tails[mid] < x:
                    lo = mid + 1
                else:
                    hi = mid
            tails[lo] = x
            if lo == size:
                size += 1
            i += 1
        return size
