# lowlevel: O(n) two index-driven while loops over a preallocated output list
MOD = 10**9 + 7


class Solution:
    def productExceptSelf(self, nums):
        n = len(nums)
        out = [1] * n
        acc = 1
        i = 0
        while i < n:
            out[i] = acc
            acc = (acc * nums[i]) % MOD
            i += 1
        acc = 1
        i = n - 1
        while i >= 0:
            out[i] = (out[i] * acc) % MOD
            acc = (acc * nums[i]) % MOD
            i -= 1
        return out
