# sortall: flatten every entry and sort, ignoring the sorted structure, O(n^2 log n)
from itertools import chain
from typing import List


class Solution:
    def kthSmallest(self, matrix: List[List[int]], k: int) -> int:
        return sorted(chain.from_iterable(matrix))[k - 1]
