# idiomatic: O(n) group positions per value with defaultdict, then any() over consecutive gaps
from collections import defaultdict


class Solution:
    def containsNearbyDuplicate(self, nums, k):
        where = defaultdict(list)
        for i, v in enumerate(nums):
            where[v].append(i)
        return any(b - a <= k for pos in where.values() for a, b in zip(pos, pos[1:]))
