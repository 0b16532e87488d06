# better: max-heap of (-value, index) with lazy removal of entries that left the window, O(n log n)
import heapq
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        heap = [(-nums[i], i) for i in range(k - 1)]
        heapq.heapify(heap)
        result = []
        for i in range(k - 1, len(nums)):
            heapq.heappush(heap, (-nums[i], i))
            while heap[0][1] <= i - k:
                heapq.heappop(heap)
            result.append(-heap[0][0])
        return result
