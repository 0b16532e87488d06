# idiomatic: lazy heapq.merge of the sorted rows, take the k-th item with itertools.islice, O(k log n)
from heapq import merge
from itertools import islice
from typing import List


class Solution:
    def kthSmallest(self, matrix: List[List[int]], k: int) -> int:
        return next(islice(merge(*matrix), k - 1, None))
