# lowlevel: per call, preallocated list and explicit comparisons in a while loop (three pointers), O(n) per call
class Solution:
    def nthUglyNumber(self, n: int) -> int:
        ugly = [0] * n
        ugly[0] = 1
        i2 = 0
        i3 = 0
        i5 = 0
        n2 = 2
        n3 = 3
        n5 = 5
        k = 1
        while k < n:
            x = n2
            if n3 < x:
                x = n3
            if n5 < x:
                x = n5
            ugly[k] = x
            if x == n2:
                i2 += 1
                n2 = ugly[i2] * 2
            if x == n3:
                i3 += 1
                n3 = ugly[i3] * 3
            if x == n5:
                i5 += 1
                n5 = ugly[i5] * 5
            k += 1
        return ugly[n - 1]
