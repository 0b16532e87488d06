# divide: O(n log n) divide and conquer, the winner is the majority of one half
class Solution:
    def majorityElement(self, nums):
        def solve(lo, hi):
            if hi - lo == 1:
                return nums[lo]
            mid = (lo + hi) // 2
            a = solve(lo, mid)
            b = solve(mid, hi)
            if a == b:
                return a
            ca = cb = 0
            for k in range(lo, hi):
                x = nums[k]
                if x == a:
                    ca += 1
                elif x == b:
                    cb += 1
            return a if ca > cb else b

        return solve(0, len(nums))
