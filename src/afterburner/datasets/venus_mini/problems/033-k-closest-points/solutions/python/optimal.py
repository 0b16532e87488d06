# optimal: O(n log n) time with C-level work only - pack (distance, x, y) into one int per point, list.sort, decode the first k
from typing import List

OFF = 10 ** 4
MASK = (1 << 15) - 1


class Solution:
    def kClosest(self, points: List[List[int]], k: int) -> List[List[int]]:
        keys = [((x * x + y * y) << 30) | ((x + OFF) << 15) | (y + OFF) for x, y in points]
        keys.sort()
        return [[((key >> 15) & MASK) - OFF, (key & MASK) - OFF] for key in keys[:k]]
