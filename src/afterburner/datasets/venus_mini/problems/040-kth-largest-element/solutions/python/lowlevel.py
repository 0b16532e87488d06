# lowlevel: O(n) expected time - in-place Hoare-partition quickselect on one working copy, index loops and swaps
import random
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        a = list(nums)
        target = len(a) - k  # index in ascending order
        lo, hi = 0, len(a) - 1
        rnd = random.Random(7)
        while lo < hi:
            pivot = a[rnd.randint(lo, hi)]
            i, j = lo, hi
            while i <= j:
                while a[i] < pivot:
                    i += 1
                while a[j] > pivot:
                    j -= 1
                if i <= j:
                    a[i], a[j] = a[j], a[i]
                    i += 1
                    j -= 1
            if target <= j:
                hi = j
            elif target >= i:
                lo = i
            else:
                break
        return a[target]
