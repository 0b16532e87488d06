# optimal: O(n) time, O(1) extra memory: prefix products in the output, then a running suffix
MOD = 10**9 + 7


class Solution:
    def productExceptSelf(self, nums):
        n = len(nums)
        out = [1] * n
        acc = 1
        for i in range(n):
            out[i] = acc
            acc = acc * nums[i] % MOD
        acc = 1
        for i in range(n - 1, -1, -1):
            out[i] = out[i] * acc % MOD
            acc = acc * nums[i] % MOD
        return out
