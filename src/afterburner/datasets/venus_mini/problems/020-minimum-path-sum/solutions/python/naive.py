# naive: textbook Dijkstra that scans every cell for the closest unfinished one, O((rc)^2)
from typing import List


class Solution:
    def minPathSum(self, grid: List[List[int]]) -> int:
        r, c = len(grid), len(grid[0])
        total = r * c
        INF = float("inf")
        dist = [INF] * total
        done = [False] * total
        dist[0] = grid[0][0]
        for _ in range(total):
            # pick the unfinished cell with the smallest tentative cost
            best_cell = -1
            best_cost = INF
            for cell in range(total):
                if not done[cell] and dist[cell] < best_cost:
                    best_cost = dist[cell]
                    best_cell = cell
            if best_cell == total - 1:
                return best_cost
            done[best_cell] = True
            i, j = divmod(best_cell, c)
            if i + 1 < r:
                nxt = best_cell + c
                if best_cost + grid[i + 1][j] < dist[nxt]:
                    dist[nxt] = best_cost + grid[i + 1][j]
            if j + 1 < c:
                nxt = best_cell + 1
                if best_cost + grid[i][j + 1] < dist[nxt]:
                    dist[nxt] = best_cost + grid[i][j + 1]
        return dist[total - 1]
