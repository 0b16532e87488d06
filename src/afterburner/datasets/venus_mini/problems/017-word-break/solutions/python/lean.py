# lean: DP over word lengths keeping only a ring buffer of the last max-length flags, O(n * lengths), O(L) memory
from typing import List


class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        vocab = set(wordDict)
        lengths = sorted({len(w) for w in wordDict})
        size = lengths[-1] + 1
        ring = bytearray(size)  # ring[i % size] tells whether the prefix of length i splits
        ring[0] = 1
        n = len(s)
        for i in range(1, n + 1):
            hit = 0
            for L in lengths:
                if L > i:
                    break
                if ring[(i - L) % size] and s[i - L:i] in vocab:
                    hit = 1
                    break
            ring[i % size] = hit
        return ring[n % size] == 1
