# better: O(n^2) time but C-level inner work - prefix sums, then list.count of the needed earlier prefix for every end
from typing import List


class Solution:
    def subarraySum(self, nums: List[int], k: int) -> int:
        prefix = [0]
        s = 0
        for x in nums:
            s += x
            prefix.append(s)
        count = 0
        for j in range(1, len(prefix)):
            count += prefix[:j].count(prefix[j] - k)
        return count
