# lowlevel: O(n^2) DP with one rolling bytearray row over byte codes
class Solution:
    def longestPalindromeLength(self, s: str) -> int:
        b = s.encode()
        n = len(b)
        row = bytearray(n)  # row[j] == 1 when b[i..j] is a palindrome for the current i
        best = 1
        i = n - 1
        while i >= 0:
            j = n - 1
            ci = b[i]
            # iterate j downwards so row[j - 1] still holds the value for i + 1
            while j > i:
                if ci == b[j] and (j - i < 3 or row[j - 1]):
                    row[j] = 1
                    if j - i + 1 > best:
                        best = j - i + 1
                else:
                    row[j] = 0
                j -= 1
            row[i] = 1
            i -= 1
        return best
