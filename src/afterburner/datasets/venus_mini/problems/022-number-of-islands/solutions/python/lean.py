# lean: flood fill on one padded flat bytearray with an int stack, O(R*C) time, about R*C bytes of state
from typing import List


class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        rows, cols = len(grid), len(grid[0])
        w = cols + 2
        cells = bytearray(w * (rows + 2))
        for i, row in enumerate(grid):
            base = (i + 1) * w + 1
            cells[base:base + cols] = "".join(row).encode().translate(bytes.maketrans(b"01", b"\x00\x01"))
        count = 0
        find = cells.find
        pos = find(1)
        while pos >= 0:
            count += 1
            cells[pos] = 0
            stack = [pos]
            while stack:
                p = stack.pop()
                for q in (p - w, p + w, p - 1, p + 1):
                    if cells[q]:
                        cells[q] = 0
                        stack.append(q)
            pos = find(1, pos)
        return count
