# heap: O(n log k) time, O(k) memory - bounded max-heap of the k best keys (negated tuples) with heappushpop
import heapq
from typing import List


class Solution:
    def kClosest(self, points: List[List[int]], k: int) -> List[List[int]]:
        heap = []
        for x, y in points:
            item = (-(x * x + y * y), -x, -y)
            if len(heap) < k:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heappushpop(heap, item)
        return [[-nx, -ny] for _, nx, ny in heap]
