# optimal: O(n) time, O(1) memory, Boyer-Moore voting
class Solution:
    def majorityElement(self, nums):
        cand = None
        votes = 0
        for v in nums:
            if votes == 0:
                cand = v
                votes = 1
            elif v == cand:
                votes += 1
            else:
                votes -= 1
        return cand
