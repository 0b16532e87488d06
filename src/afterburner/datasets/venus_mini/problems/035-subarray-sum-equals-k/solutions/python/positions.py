# positions: O(n log n) time - index lists per prefix value, count earlier positions of prefix[j] - k by binary search
from bisect import bisect_left
from typing import List


class Solution:
    def subarraySum(self, nums: List[int], k: int) -> int:
        prefix = [0]
        for x in nums:
            prefix.append(prefix[-1] + x)
        positions = {}
        for idx, p in enumerate(prefix):
            positions.setdefault(p, []).append(idx)
        count = 0
        for j in range(1, len(prefix)):
            lst = positions.get(prefix[j] - k)
            if lst:
                count += bisect_left(lst, j)
        return count
