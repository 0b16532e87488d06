# idiomatic: O(n) two passes, a dict comprehension of last positions then a generator search
class Solution:
    def twoSum(self, nums, target):
        last = {v: k for k, v in enumerate(nums)}
        return next(
            [i, last[target - v]]
            for i, v in enumerate(nums)
            if last.get(target - v, -1) > i
        )
