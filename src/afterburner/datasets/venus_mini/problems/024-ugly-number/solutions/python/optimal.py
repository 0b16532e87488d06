# optimal: one shared table grown lazily by the three-pointer merge, O(max n) total, O(1) per repeated call
class Solution:
    _ugly = [1]
    _ptr = [0, 0, 0]

    def nthUglyNumber(self, n: int) -> int:
        ugly = Solution._ugly
        if n > len(ugly):
            i2, i3, i5 = Solution._ptr
            append = ugly.append
            a, b, c = ugly[i2] * 2, ugly[i3] * 3, ugly[i5] * 5
            for _ in range(n - len(ugly)):
                x = a if a < b else b
                if c < x:
                    x = c
                append(x)
                if x == a:
                    i2 += 1
                    a = ugly[i2] * 2
                if x == b:
                    i3 += 1
                    b = ugly[i3] * 3
                if x == c:
                    i5 += 1
                    c = ugly[i5] * 5
            Solution._ptr = [i2, i3, i5]
        return ugly[n - 1]
