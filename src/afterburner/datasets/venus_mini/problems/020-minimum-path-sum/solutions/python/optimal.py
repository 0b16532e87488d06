# optimal: one rolling row of best costs, updated left to right, O(rc) time, O(c) memory
from typing import List


class Solution:
    def minPathSum(self, grid: List[List[int]]) -> int:
        first = grid[0]
        best = [0] * len(first)
        total = 0
        for j, v in enumerate(first):
            total += v
            best[j] = total
        c = len(first)
        for row in grid[1:]:
            left = best[0] + row[0]
            best[0] = left
            for j in range(1, c):
                up = best[j]
                left = (up if up < left else left) + row[j]
                best[j] = left
        return best[-1]
