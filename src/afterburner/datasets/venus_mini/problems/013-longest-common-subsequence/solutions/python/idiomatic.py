# idiomatic: row DP as a list comprehension plus itertools.accumulate(max), O(n*m)
from itertools import accumulate


class Solution:
    def longestCommonSubsequence(self, text1: str, text2: str) -> int:
        row = [0] * (len(text2) + 1)
        for c in text1:
            # a match extends the diagonal; otherwise inherit from above;
            # a running max then carries values from the left
            cand = [diag + 1 if c == d else up for diag, up, d in zip(row, row[1:], text2)]
            row = [0] + list(accumulate(cand, max))
        return row[-1]
