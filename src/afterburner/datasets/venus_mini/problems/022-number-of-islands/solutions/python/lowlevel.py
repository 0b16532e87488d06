# lowlevel: BFS over flat indices with a preallocated array queue and head/tail counters, O(R*C)
from typing import List


class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        rows, cols = len(grid), len(grid[0])
        total = rows * cols
        land = [0] * total
        k = 0
        for i in range(rows):
            row = grid[i]
            for j in range(cols):
                if row[j] == "1":
                    land[k] = 1
                k += 1
        queue = [0] * total
        count = 0
        start = 0
        while start < total:
            if land[start] == 1:
                count += 1
                land[start] = 0
                queue[0] = start
                head = 0
                tail = 1
                while head < tail:
                    p = queue[head]
                    head += 1
                    j = p % cols
                    if p >= cols and land[p - cols] == 1:
                        land[p - cols] = 0
                        queue[tail] = p - cols
                        tail += 1
                    if p + cols < total and land[p + cols] == 1:
                        land[p + cols] = 0
                        queue[tail] = p + cols
                        tail += 1
                    if j > 0 and land[p - 1] == 1:
                        land[p - 1] = 0
                        queue[tail] = p - 1
                        tail += 1
                    if j + 1 < cols and land[p + 1] == 1:
                        land[p + 1] = 0
                        queue[tail] = p + 1
                        tail += 1
            start += 1
        return count
