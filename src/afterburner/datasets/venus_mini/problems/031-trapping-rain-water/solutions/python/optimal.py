# optimal: O(n) time, O(1) extra memory - two pointers moving inward from the lower side
from typing import List


class Solution:
    def trap(self, height: List[int]) -> int:
        i, j = 0, len(height) - 1
        left_max = right_max = 0
        total = 0
        while i < j:
            hi = height[i]
            hj = height[j]
            if hi < hj:
                if hi > left_max:
                    left_max = hi
                else:
                    total += left_max - hi
                i += 1
            else:
                if hj > right_max:
                    right_max = hj
                else:
                    total += right_max - hj
                j -= 1
        return total
