# lowlevel: value binary search with an index-based staircase count in plain while loops, O(n log(max - min))
from typing import List


class Solution:
    def kthSmallest(self, matrix: List[List[int]], k: int) -> int:
        n = len(matrix)
        lo = matrix[0][0]
        hi = matrix[n - 1][n - 1]
        while lo < hi:
            mid = (lo + hi) >> 1
            count = 0
            r = n - 1
            c = 0
            while r >= 0 and c < n:
                if matrix[r][c] <= mid:
                    count += r + 1
                    c += 1
                else:
                    r -= 1
            if count >= k:
                hi = mid
            else:
                lo = mid + 1
        return lo
