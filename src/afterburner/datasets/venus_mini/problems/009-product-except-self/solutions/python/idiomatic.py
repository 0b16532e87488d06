# idiomatic: O(n) itertools.accumulate for prefix and suffix products, zipped together
from itertools import accumulate

MOD = 10**9 + 7


class Solution:
    def productExceptSelf(self, nums):
        mul = lambda a, b: a * b % MOD
        prefix = list(accumulate(nums[:-1], mul, initial=1))
        suffix = list(accumulate(reversed(nums[1:]), mul, initial=1))[::-1]
        return [p * s % MOD for p, s in zip(prefix, suffix)]
