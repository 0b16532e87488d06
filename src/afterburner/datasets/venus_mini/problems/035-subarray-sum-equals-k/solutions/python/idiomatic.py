# idiomatic: O(n) time - itertools.accumulate for prefix sums and a collections.Counter of the ones seen so far
from collections import Counter
from itertools import accumulate
from typing import List


class Solution:
    def subarraySum(self, nums: List[int], k: int) -> int:
        seen = Counter({0: 1})
        count = 0
        for s in accumulate(nums):
            count += seen[s - k]
            seen[s] += 1
        return count
