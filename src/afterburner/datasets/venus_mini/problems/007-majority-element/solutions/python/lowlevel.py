# lowlevel: O(32n) rebuild the answer bit by bit, each bit is the majority bit (two's complement)
class Solution:
    def majorityElement(self, nums):
        half = len(nums) // 2
        masked = [v & 0xFFFFFFFF for v in nums]
        result = 0
        bit = 0
        while bit < 32:
            mask = 1 << bit
            ones = 0
            for v in masked:
                if v & mask:
                    ones += 1
            if ones > half:
                result |= mask
            bit += 1
        return result - (1 << 32) if result >= 1 << 31 else result
