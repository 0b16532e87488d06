# naive: repeated min-label propagation sweeps until nothing changes, O(R*C*D) for island diameter D
from typing import List


class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        rows, cols = len(grid), len(grid[0])
        label = [[-1] * cols for _ in range(rows)]
        for i in range(rows):
            for j in range(cols):
                if grid[i][j] == "1":
                    label[i][j] = i * cols + j
        changed = True
        while changed:
            changed = False
            new = [row[:] for row in label]
            for i in range(rows):
                for j in range(cols):
                    cur = label[i][j]
                    if cur < 0:
                        continue
                    best = cur
                    if i > 0 and 0 <= label[i - 1][j] < best:
                        best = label[i - 1][j]
                    if i + 1 < rows and 0 <= label[i + 1][j] < best:
                        best = label[i + 1][j]
                    if j > 0 and 0 <= label[i][j - 1] < best:
                        best = label[i][j - 1]
                    if j + 1 < cols and 0 <= label[i][j + 1] < best:
                        best = label[i][j + 1]
                    if best != cur:
                        new[i][j] = best
                        changed = True
            label = new
        count = 0
        for i in range(rows):
            for j in range(cols):
                if label[i][j] == i * cols + j:
                    count += 1
        return count
