# lean: two rolling rows over the shorter string, O(n*m) time, O(min(n,m)) memory
class Solution:
    def longestCommonSubsequence(self, text1: str, text2: str) -> int:
        if len(text2) > len(text1):
            text1, text2 = text2, text1
        m = len(text2)
        prev = [0] * (m + 1)
        cur = [0] * (m + 1)
        for c in text1:
            for j in range(1, m + 1):
                if c == text2[j - 1]:
                    cur[j] = prev[j - 1] + 1
                elif prev[j] > cur[j - 1]:
                    cur[j] = prev[j]
                else:
                    cur[j] = cur[j - 1]
            prev, cur = cur, prev
        return prev[m]
