# counting: O(n + R) time, R = 20001 possible values - count every value, walk the counts from the top
from typing import List

OFFSET = 10 ** 4


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        counts = [0] * (2 * OFFSET + 1)
        for x in nums:
            counts[x + OFFSET] += 1
        for idx in range(2 * OFFSET, -1, -1):
            k -= counts[idx]
            if k <= 0:
                return idx - OFFSET
        return -1
