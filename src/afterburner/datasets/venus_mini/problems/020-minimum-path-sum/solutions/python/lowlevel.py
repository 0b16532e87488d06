# lowlevel: flattened row-major array with index arithmetic and while loops, O(rc)
from typing import List


class Solution:
    def minPathSum(self, grid: List[List[int]]) -> int:
        r, c = len(grid), len(grid[0])
        flat = [v for row in grid for v in row]
        j = 1
        while j < c:
            flat[j] += flat[j - 1]
            j += 1
        idx = c
        end = r * c
        while idx < end:
            flat[idx] += flat[idx - c]  # first column: only from above
            idx += 1
            stop = idx + c - 1
            while idx < stop:
                a = flat[idx - c]
                b = flat[idx - 1]
                flat[idx] += a if a < b else b
                idx += 1
        return flat[end - 1]
