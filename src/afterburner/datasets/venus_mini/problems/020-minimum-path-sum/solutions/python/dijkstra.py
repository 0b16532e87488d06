# dijkstra: binary-heap Dijkstra over all cells, ignoring that moves only go right/down, O(rc log rc)
import heapq
from typing import List


class Solution:
    def minPathSum(self, grid: List[List[int]]) -> int:
        r, c = len(grid), len(grid[0])
        dist = {(0, 0): grid[0][0]}
        heap = [(grid[0][0], 0, 0)]
        done = set()
        while heap:
            d, i, j = heapq.heappop(heap)
            if (i, j) in done:
                continue
            done.add((i, j))
            if i == r - 1 and j == c - 1:
                return d
            for ni, nj in ((i + 1, j), (i, j + 1)):
                if ni < r and nj < c:
                    nd = d + grid[ni][nj]
                    if nd < dist.get((ni, nj), float("inf")):
                        dist[(ni, nj)] = nd
                        heapq.heappush(heap, (nd, ni, nj))
        return -1
