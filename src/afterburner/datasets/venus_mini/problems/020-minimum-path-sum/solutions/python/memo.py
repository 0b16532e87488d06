# memo: top-down recursion from the target cell with functools.lru_cache, O(rc) states, heavy call overhead
import sys
from functools import lru_cache
from typing import List


class Solution:
    def minPathSum(self, grid: List[List[int]]) -> int:
        sys.setrecursionlimit(10000)

        @lru_cache(maxsize=None)
        def cost(i, j):
            if i == 0 and j == 0:
                return grid[0][0]
            if i == 0:
                return cost(0, j - 1) + grid[0][j]
            if j == 0:
                return cost(i - 1, 0) + grid[i][0]
            return min(cost(i - 1, j), cost(i, j - 1)) + grid[i][j]

        r, c = len(grid), len(grid[0])
        # fill row by row so the recursion depth stays small
        for i in range(r):
            for j in range(c):
                cost(i, j)
        return cost(r - 1, c - 1)
