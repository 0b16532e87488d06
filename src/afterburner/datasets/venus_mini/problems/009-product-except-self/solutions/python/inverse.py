# inverse: O(n log MOD) total product times a modular inverse (Fermat), zeros handled apart
MOD = 10**9 + 7


class Solution:
    def productExceptSelf(self, nums):
        n = len(nums)
        zeros = nums.count(0)
        if zeros >= 2:
            return [0] * n
        total = 1
        for x in nums:
            if x:
                total = total * x % MOD
        if zeros == 1:
            return [total if x == 0 else 0 for x in nums]
        return [total * pow(x, MOD - 2, MOD) % MOD for x in nums]
