# divide: O(n log n) divide and conquer, each half inherits the product of everything outside it
MOD = 10**9 + 7


class Solution:
    def productExceptSelf(self, nums):
        n = len(nums)
        out = [1] * n

        def span(lo, hi):
            p = 1
            for k in range(lo, hi):
                p = p * nums[k] % MOD
            return p

        def solve(lo, hi, outside):
            if hi - lo == 1:
                out[lo] = outside
                return
            mid = (lo + hi) // 2
            solve(lo, mid, outside * span(mid, hi) % MOD)
            solve(mid, hi, outside * span(lo, mid) % MOD)

        solve(0, n, 1)
        return out
