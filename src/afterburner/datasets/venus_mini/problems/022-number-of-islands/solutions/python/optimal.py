# optimal: iterative DFS flood fill that sinks visited land in place, O(R*C)
from typing import List


class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        rows, cols = len(grid), len(grid[0])
        count = 0
        for i in range(rows):
            row = grid[i]
            for j in range(cols):
                if row[j] == "1":
                    count += 1
                    row[j] = "0"
                    stack = [(i, j)]
                    pop, push = stack.pop, stack.append
                    while stack:
                        a, b = pop()
                        if a > 0 and grid[a - 1][b] == "1":
                            grid[a - 1][b] = "0"
                            push((a - 1, b))
                        if a + 1 < rows and grid[a + 1][b] == "1":
                            grid[a + 1][b] = "0"
                            push((a + 1, b))
                        g = grid[a]
                        if b > 0 and g[b - 1] == "1":
                            g[b - 1] = "0"
                            push((a, b - 1))
                        if b + 1 < cols and g[b + 1] == "1":
                            g[b + 1] = "0"
                            push((a, b + 1))
        return count
