# naive: top-down recursion memoized in a dict, O(n*m) states with heavy call overhead
import sys


class Solution:
    def longestCommonSubsequence(self, text1: str, text2: str) -> int:
        sys.setrecursionlimit(10000)
        n, m = len(text1), len(text2)
        memo = {}

        def lcs(i, j):
            if i == n or j == m:
                return 0
            key = (i, j)
            if key in memo:
                return memo[key]
            if text1[i] == text2[j]:
                res = 1 + lcs(i + 1, j + 1)
            else:
                res = max(lcs(i + 1, j), lcs(i, j + 1))
            memo[key] = res
            return res

        return lcs(0, 0)
