# stack: O(n) time, O(n) memory - monotonic decreasing stack, water added layer by layer when a taller bar closes a pit
from typing import List


class Solution:
    def trap(self, height: List[int]) -> int:
        stack = []
        total = 0
        for i, h in enumerate(height):
            while stack and height[stack[-1]] < h:
                bottom = height[stack.pop()]
                if not stack:
                    break
                j = stack[-1]
                level = min(height[j], h)
                total += (level - bottom) * (i - j - 1)
            stack.append(i)
        return total
