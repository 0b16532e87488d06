# optimal: O(n) time - one pass, dict of how often each prefix sum has been seen
from typing import List


class Solution:
    def subarraySum(self, nums: List[int], k: int) -> int:
        seen = {0: 1}
        get = seen.get
        count = 0
        s = 0
        for x in nums:
            s += x
            count += get(s - k, 0)
            seen[s] = get(s, 0) + 1
        return count
