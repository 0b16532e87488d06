# lean: blocks of length k; one suffix-maximum array plus a running prefix maximum, O(n) time, one extra array
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        n = len(nums)
        suffix = nums[:]
        for i in range(n - 2, -1, -1):
            if (i + 1) % k and suffix[i + 1] > suffix[i]:
                suffix[i] = suffix[i + 1]
        result = []
        run = None
        for j in range(n):
            x = nums[j]
            run = x if j % k == 0 or x > run else run
            if j >= k - 1:
                s = suffix[j - k + 1]
                result.append(s if s > run else run)
        return result
