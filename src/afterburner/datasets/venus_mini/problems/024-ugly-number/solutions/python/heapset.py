# heapset: per call, min-heap of candidates with a seen-set so each value is pushed once, O(n log n) per call
import heapq


class Solution:
    def nthUglyNumber(self, n: int) -> int:
        heap = [1]
        seen = {1}
        x = 1
        for _ in range(n):
            x = heapq.heappop(heap)
            for f in (2, 3, 5):
                y = x * f
                if y not in seen:
                    seen.add(y)
                    heapq.heappush(heap, y)
        return x
