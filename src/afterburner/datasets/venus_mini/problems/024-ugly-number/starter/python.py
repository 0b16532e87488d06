class Solution:
    def nthUglyNumber(self, n: int) -> int:
        pass
