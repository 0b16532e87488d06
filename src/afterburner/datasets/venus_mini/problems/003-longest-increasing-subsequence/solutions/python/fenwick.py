# fenwick: O(n log n) coordinate compression plus a Fenwick tree of prefix maxima
class Solution:
    def lengthOfLIS(self, nums):
        rank = {v: r for r, v in enumerate(sorted(set(nums)), 1)}
        m = len(rank)
        tree = [0] * (m + 1)
        answer = 0
        for x in nums:
            r = rank[x] - 1  # best among values strictly smaller than x
            best = 0
            while r > 0:
                if tree[r] > best:
                    best = tree[r]
                r -= r & -r
            cur = best + 1
            if cur > answer:
                answer = cur
            r = rank[x]
            while r <= m:
                if tree[r] < cur:
                    tree[r] = cur
                r += r & -r
        return answer
