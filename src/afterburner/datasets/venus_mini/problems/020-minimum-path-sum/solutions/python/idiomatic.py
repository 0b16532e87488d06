# idiomatic: each row is one itertools.accumulate pass over (cost above, cell) pairs, O(rc)
from itertools import accumulate
from typing import List


class Solution:
    def minPathSum(self, grid: List[List[int]]) -> int:
        best = list(accumulate(grid[0]))
        for row in grid[1:]:
            best = list(accumulate(
                zip(best[1:], row[1:]),
                lambda left, pair: (left if left < pair[0] else pair[0]) + pair[1],
                initial=best[0] + row[0],
            ))
        return best[-1]
