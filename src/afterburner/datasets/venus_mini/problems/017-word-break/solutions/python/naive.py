# naive: bottom-up DP testing every split point j < i with a hash-set lookup, O(n^2) slices
from typing import List


class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        vocab = set(wordDict)
        n = len(s)
        ok = [False] * (n + 1)
        ok[0] = True
        for i in range(1, n + 1):
            for j in range(i):
                if ok[j] and s[j:i] in vocab:
                    ok[i] = True
                    break
        return ok[n]
