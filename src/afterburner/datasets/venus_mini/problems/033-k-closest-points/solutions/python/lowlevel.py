# lowlevel: O(n) expected time - pack (distance, x, y) into ints, in-place Hoare-partition quickselect with index loops
import random
from typing import List

OFF = 10 ** 4
MASK = (1 << 15) - 1


class Solution:
    def kClosest(self, points: List[List[int]], k: int) -> List[List[int]]:
        a = [((x * x + y * y) << 30) | ((x + OFF) << 15) | (y + OFF) for x, y in points]
        lo, hi = 0, len(a) - 1
        target = k - 1
        rnd = random.Random(12345)
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
        out = []
        for t in range(k):
            key = a[t]
            out.append([((key >> 15) & MASK) - OFF, (key & MASK) - OFF])
        return out
