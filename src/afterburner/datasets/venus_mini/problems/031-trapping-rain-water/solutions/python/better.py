# better: O(n) time, O(n) memory - prefix-maximum and suffix-maximum arrays built with explicit loops
from typing import List


class Solution:
    def trap(self, height: List[int]) -> int:
        n = len(height)
        if n < 3:
            return 0
        left = [0] * n
        right = [0] * n
        best = 0
        for i in range(n):
            if height[i] > best:
                best = height[i]
            left[i] = best
        best = 0
        for i in range(n - 1, -1, -1):
            if height[i] > best:
                best = height[i]
            right[i] = best
        total = 0
        for i in range(n):
            total += min(left[i], right[i]) - height[i]
        return total
