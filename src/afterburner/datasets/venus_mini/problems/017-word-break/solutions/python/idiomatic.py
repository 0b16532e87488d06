# idiomatic: DP with any() over a generator of candidate lengths, O(n * distinct lengths)
from typing import List


class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        vocab = set(wordDict)
        lengths = sorted({len(w) for w in wordDict})
        ok = [True]
        for i in range(1, len(s) + 1):
            ok.append(any(ok[i - L] and s[i - L:i] in vocab for L in lengths if L <= i))
        return ok[-1]
