# lean: binary search on the value, counting 2^a*3^b*5^c <= x with bit lengths, O(log^3 V) per call, O(1) memory
class Solution:
    def nthUglyNumber(self, n: int) -> int:
        def count(x):
            total = 0
            p5 = 1
            while p5 <= x:
                p35 = p5
                while p35 <= x:
                    total += (x // p35).bit_length()
                    p35 *= 3
                p5 *= 5
            return total

        lo, hi = 1, 1
        while count(hi) < n:
            hi *= 2
        while lo < hi:
            mid = (lo + hi) // 2
            if count(mid) >= n:
                hi = mid
            else:
                lo = mid + 1
        return lo
