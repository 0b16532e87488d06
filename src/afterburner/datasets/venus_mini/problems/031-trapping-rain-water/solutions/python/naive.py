# naive: O(n^2) time - for every bar rescan the whole left part and right part for their tallest bar
from typing import List


class Solution:
    def trap(self, height: List[int]) -> int:
        n = len(height)
        total = 0
        for i in range(n):
            left = max(height[:i + 1])
            right = max(height[i:])
            total += min(left, right) - height[i]
        return total
