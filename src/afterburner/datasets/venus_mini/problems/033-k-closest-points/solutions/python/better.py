# better: O(n log n) time - full sort of the points by a (distance, x, y) tuple key, take the first k
from typing import List


class Solution:
    def kClosest(self, points: List[List[int]], k: int) -> List[List[int]]:
        ordered = sorted(points, key=lambda p: (p[0] * p[0] + p[1] * p[1], p[0], p[1]))
        return ordered[:k]
