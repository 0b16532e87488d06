# lowlevel: one array plus a saved diagonal, byte codes and while loops, O(n*m)
class Solution:
    def longestCommonSubsequence(self, text1: str, text2: str) -> int:
        a = text1.encode()
        b = text2.encode()
        n, m = len(a), len(b)
        row = [0] * (m + 1)
        i = 0
        while i < n:
            ca = a[i]
            diag = 0
            left = 0
            j = 0
            while j < m:
                up = row[j + 1]
                if ca == b[j]:
                    val = diag + 1
                elif up > left:
                    val = up
                else:
                    val = left
                row[j + 1] = val
                diag = up
                left = val
                j += 1
            i += 1
        return row[m]
