# idiomatic: set of land coordinates consumed by deque BFS, O(R*C) with hashing overhead
from collections import deque
from typing import List


class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        land = {(i, j) for i, row in enumerate(grid) for j, ch in enumerate(row) if ch == "1"}
        count = 0
        while land:
            count += 1
            queue = deque([land.pop()])
            while queue:
                i, j = queue.popleft()
                for cell in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                    if cell in land:
                        land.remove(cell)
                        queue.append(cell)
        return count
