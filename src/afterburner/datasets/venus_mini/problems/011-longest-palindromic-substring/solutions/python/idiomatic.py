# idiomatic: O(n * answer) growth with C-level slice reversal checks
class Solution:
    def longestPalindromeLength(self, s: str) -> int:
        best = 1
        for end in range(1, len(s)):
            # the answer can grow by at most 2 when one character is appended
            a = s[end - best - 1:end + 1] if end - best - 1 >= 0 else ""
            if a and a == a[::-1]:
                best += 2
                continue
            b = s[end - best:end + 1]
            if b == b[::-1]:
                best += 1
        return best
