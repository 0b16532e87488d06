# naive: O(n * k) time - remove the current maximum k - 1 times, then the maximum is the answer
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        rest = list(nums)
        for _ in range(k - 1):
            rest.remove(max(rest))
        return max(rest)
