# naive: per call, min-heap without dedup; duplicates are pushed and popped again and skipped, O(n log n) per call with ~3x the heap work
import heapq


class Solution:
    def nthUglyNumber(self, n: int) -> int:
        heap = [1]
        last = 0
        found = 0
        while True:
            x = heapq.heappop(heap)
            if x == last:
                continue
            last = x
            found += 1
            if found == n:
                return x
            heapq.heappush(heap, 2 * x)
            heapq.heappush(heap, 3 * x)
            heapq.heappush(heap, 5 * x)
