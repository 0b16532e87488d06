# optimal: bottom-up DP that only tries the word lengths present in the dictionary, O(n * distinct lengths)
from typing import List


class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        vocab = set(wordDict)
        lengths = sorted({len(w) for w in wordDict})
        n = len(s)
        ok = [False] * (n + 1)
        ok[0] = True
        for i in range(n):
            if not ok[i]:
                continue
            for L in lengths:
                if i + L > n:
                    break
                if s[i:i + L] in vocab:
                    ok[i + L] = True
        return ok[n]
