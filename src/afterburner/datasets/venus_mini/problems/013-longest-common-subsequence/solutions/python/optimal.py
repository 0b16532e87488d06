# optimal: bit-parallel LCS (Allison-Dix / Hyyro) on Python big ints, O(n * ceil(m/w))
class Solution:
    def longestCommonSubsequence(self, text1: str, text2: str) -> int:
        # bit i of masks[c] is set when text2[i] == c
        masks = {}
        for i, c in enumerate(text2):
            masks[c] = masks.get(c, 0) | (1 << i)
        full = (1 << len(text2)) - 1
        v = full  # zero bits of v mark the columns where the LCS row increases
        for c in text1:
            u = v & masks.get(c, 0)
            v = ((v + u) | (v - u)) & full
        return len(text2) - bin(v).count("1")
