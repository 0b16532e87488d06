# better: O(n*L) patience tails, the slot of each element found by a linear scan (L = answer)
class Solution:
    def lengthOfLIS(self, nums):
        tails = []
        for x in nums:
            k = 0
            m = len(tails)
            while k < m and tails[k] < x:
                k += 1
            if k == m:
                tails.append(x)
            else:
                tails[k] = x
        return len(tails)
