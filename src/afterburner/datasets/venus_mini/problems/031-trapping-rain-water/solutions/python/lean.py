# lean: O(n) time, O(1) extra memory - locate the tallest bar, then sweep towards it from each end with index loops
from typing import List


class Solution:
    def trap(self, height: List[int]) -> int:
        n = len(height)
        peak = 0
        k = 1
        while k < n:
            if height[k] > height[peak]:
                peak = k
            k += 1
        total = 0
        level = 0
        k = 0
        while k < peak:
            h = height[k]
            if h > level:
                level = h
            else:
                total += level - h
            k += 1
        level = 0
        k = n - 1
        while k > peak:
            h = height[k]
            if h > level:
                level = h
            else:
                total += level - h
            k -= 1
        return total
