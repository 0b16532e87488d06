# better: O(n log n) time - sort a copy, one scan counting steps of +1 and skipping duplicates
from typing import List


class Solution:
    def longestConsecutive(self, nums: List[int]) -> int:
        if not nums:
            return 0
        a = sorted(nums)
        best = cur = 1
        for i in range(1, len(a)):
            if a[i] == a[i - 1]:
                continue
            if a[i] == a[i - 1] + 1:
                cur += 1
                if cur > best:
                    best = cur
            else:
                cur = 1
        return best
