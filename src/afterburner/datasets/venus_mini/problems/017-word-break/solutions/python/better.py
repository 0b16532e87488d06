# better: memoized recursion over start positions trying every dictionary word with startswith, O(n * m * L)
import sys
from typing import List


class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        sys.setrecursionlimit(20000)
        n = len(s)
        memo = {}

        def can(start):
            if start == n:
                return True
            if start in memo:
                return memo[start]
            for w in wordDict:
                if s.startswith(w, start) and can(start + len(w)):
                    memo[start] = True
                    return True
            memo[start] = False
            return False

        return can(0)
