# better: per call, three-pointer merge of the 2x/3x/5x sequences, O(n) per call
class Solution:
    def nthUglyNumber(self, n: int) -> int:
        ugly = [1] * n
        i2 = i3 = i5 = 0
        for k in range(1, n):
            a, b, c = ugly[i2] * 2, ugly[i3] * 3, ugly[i5] * 5
            x = min(a, b, c)
            ugly[k] = x
            if x == a:
                i2 += 1
            if x == b:
                i3 += 1
            if x == c:
                i5 += 1
        return ugly[n - 1]
