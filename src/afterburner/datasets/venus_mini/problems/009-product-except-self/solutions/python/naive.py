# naive: O(n^2) for every position multiply all the other elements
MOD = 10**9 + 7


class Solution:
    def productExceptSelf(self, nums):
        n = len(nums)
        out = [0] * n
        for i in range(n):
            p = 1
            for j in range(n):
                if j != i:
                    p = p * nums[j] % MOD
            out[i] = p
        return out
