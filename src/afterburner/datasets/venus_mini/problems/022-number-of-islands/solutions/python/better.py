# better: union-find over land cells with path halving and union by size, O(R*C * alpha)
from typing import List


class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        rows, cols = len(grid), len(grid[0])
        parent = list(range(rows * cols))
        size = [1] * (rows * cols)

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        count = 0
        for i in range(rows):
            row = grid[i]
            for j in range(cols):
                if row[j] != "1":
                    continue
                count += 1
                idx = i * cols + j
                for ni, nj in ((i - 1, j), (i, j - 1)):
                    if ni >= 0 and nj >= 0 and grid[ni][nj] == "1":
                        a, b = find(idx), find(ni * cols + nj)
                        if a != b:
                            if size[a] < size[b]:
                                a, b = b, a
                            parent[b] = a
                            size[a] += size[b]
                            count -= 1
        return count
