# lowlevel: O(n alpha(n)) time - union-find over array slots (dict from value to slot), union with v + 1, path halving, index loops
from typing import List


class Solution:
    def longestConsecutive(self, nums: List[int]) -> int:
        slot = {}
        for v in nums:
            if v not in slot:
                slot[v] = len(slot)
        m = len(slot)
        parent = list(range(m))
        size = [1] * m
        for v, i in slot.items():
            j = slot.get(v + 1)
            if j is None:
                continue
            # find roots with path halving
            a = i
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            b = j
            while parent[b] != b:
                parent[b] = parent[parent[b]]
                b = parent[b]
            if a != b:
                if size[a] < size[b]:
                    a, b = b, a
                parent[b] = a
                size[a] += size[b]
        best = 0
        k = 0
        while k < m:
            if parent[k] == k and size[k] > best:
                best = size[k]
            k += 1
        return best
