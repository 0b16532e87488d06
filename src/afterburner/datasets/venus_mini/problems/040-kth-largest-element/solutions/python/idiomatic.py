# idiomatic: O(n log k) time - heapq.nlargest(k, nums), last entry
import heapq
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        return heapq.nlargest(k, nums)[-1]
