# lowlevel: monotonic queue in a preallocated index list with head/tail counters, O(n)
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        n = len(nums)
        q = [0] * n
        head = 0
        tail = 0
        result = [0] * (n - k + 1)
        i = 0
        while i < n:
            x = nums[i]
            while tail > head and nums[q[tail - 1]] <= x:
                tail -= 1
            q[tail] = i
            tail += 1
            if q[head] <= i - k:
                head += 1
            if i >= k - 1:
                result[i - k + 1] = nums[q[head]]
            i += 1
        return result
