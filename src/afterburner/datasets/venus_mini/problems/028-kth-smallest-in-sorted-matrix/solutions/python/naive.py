# naive: k rounds of scanning all n row heads for the smallest one (k-way merge without a heap), O(k*n)
from typing import List


class Solution:
    def kthSmallest(self, matrix: List[List[int]], k: int) -> int:
        n = len(matrix)
        pos = [0] * n
        value = None
        for _ in range(k):
            best_row = -1
            for r in range(n):
                if pos[r] < n and (best_row < 0 or matrix[r][pos[r]] < matrix[best_row][pos[best_row]]):
                    best_row = r
            value = matrix[best_row][pos[best_row]]
            pos[best_row] += 1
        return value
