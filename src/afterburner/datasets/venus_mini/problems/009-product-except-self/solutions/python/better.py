# better: O(n) separate prefix-product and suffix-product arrays
MOD = 10**9 + 7


class Solution:
    def productExceptSelf(self, nums):
        n = len(nums)
        prefix = [1] * (n + 1)
        for i in range(n):
            prefix[i + 1] = prefix[i] * nums[i] % MOD
        suffix = [1] * (n + 1)
        for i in range(n - 1, -1, -1):
            suffix[i] = suffix[i + 1] * nums[i] % MOD
        return [prefix[i] * suffix[i + 1] % MOD for i in range(n)]
