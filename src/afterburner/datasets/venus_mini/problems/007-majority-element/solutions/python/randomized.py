# randomized: O(n) expected, pick a random position and count its value until it is the majority
import random


class Solution:
    def majorityElement(self, nums):
        rng = random.Random(12345)
        half = len(nums) // 2
        while True:
            v = nums[rng.randrange(len(nums))]
            if nums.count(v) > half:
                return v
