# optimal: binary search on the value, counting entries <= mid with a staircase walk from the bottom-left, O(n log(max - min))
from typing import List


class Solution:
    def kthSmallest(self, matrix: List[List[int]], k: int) -> int:
        n = len(matrix)
        lo, hi = matrix[0][0], matrix[n - 1][n - 1]
        while lo < hi:
            mid = (lo + hi) // 2
            count = 0
            c = n - 1
            for row in matrix:
                while c >= 0 and row[c] > mid:
                    c -= 1
                if c < 0:
                    break
                count += c + 1
            if count >= k:
                hi = mid
            else:
                lo = mid + 1
        return lo
