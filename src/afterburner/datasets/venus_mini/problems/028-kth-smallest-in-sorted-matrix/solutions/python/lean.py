# lean: binary search on the value, counting entries <= mid per row with bisect, O(n log n log(max - min)) time, O(1) extra memory
from bisect import bisect_right
from typing import List


class Solution:
    def kthSmallest(self, matrix: List[List[int]], k: int) -> int:
        lo, hi = matrix[0][0], matrix[-1][-1]
        while lo < hi:
            mid = (lo + hi) // 2
            count = 0
            for row in matrix:
                count += bisect_right(row, mid)
            if count >= k:
                hi = mid
            else:
                lo = mid + 1
        return lo
