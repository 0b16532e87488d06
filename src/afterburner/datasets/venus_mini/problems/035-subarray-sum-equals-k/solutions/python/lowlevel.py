# lowlevel: O(n + span) time - counting array indexed by prefix sum minus its minimum, no hashing, index loops
from typing import List


class Solution:
    def subarraySum(self, nums: List[int], k: int) -> int:
        n = len(nums)
        prefix = [0] * (n + 1)
        lo = hi = 0
        i = 0
        while i < n:
            v = prefix[i] + nums[i]
            prefix[i + 1] = v
            if v < lo:
                lo = v
            elif v > hi:
                hi = v
            i += 1
        counts = [0] * (hi - lo + 1)
        count = 0
        i = 0
        while i <= n:
            p = prefix[i]
            need = p - k - lo
            if 0 <= need <= hi - lo:
                count += counts[need]
            counts[p - lo] += 1
            i += 1
        return count
