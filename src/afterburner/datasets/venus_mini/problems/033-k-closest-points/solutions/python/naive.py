# naive: O(n^2) time - rank every point by counting the points that come before it, keep ranks below k
from typing import List


class Solution:
    def kClosest(self, points: List[List[int]], k: int) -> List[List[int]]:
        keys = [(x * x + y * y, x, y, i) for i, (x, y) in enumerate(points)]
        result = []
        for key in keys:
            rank = 0
            for other in keys:
                if other < key:
                    rank += 1
            if rank < k:
                result.append(points[key[3]])
        return result
