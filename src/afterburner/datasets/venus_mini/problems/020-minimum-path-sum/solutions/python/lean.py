# lean: overwrite the input grid in place with prefix costs, O(rc) time, O(1) extra memory
from typing import List


class Solution:
    def minPathSum(self, grid: List[List[int]]) -> int:
        r, c = len(grid), len(grid[0])
        top = grid[0]
        for j in range(1, c):
            top[j] += top[j - 1]
        prev = top
        for i in range(1, r):
            row = grid[i]
            row[0] += prev[0]
            for j in range(1, c):
                a = prev[j]
                b = row[j - 1]
                row[j] += a if a < b else b
            prev = row
        return prev[c - 1]
