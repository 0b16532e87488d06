# lowlevel: O(n) expected, a hand-rolled open-addressing hash table in flat lists
class Solution:
    def twoSum(self, nums, target):
        n = len(nums)
        size = 1
        while size < 2 * n:
            size <<= 1
        mask = size - 1
        keys = [0] * size
        idx = [-1] * size
        j = 0
        while j < n:
            v = nums[j]
            want = target - v
            h = (want * 2654435761) & mask
            while idx[h] != -1:
                if keys[h] == want:
                    return [idx[h], j]
                h = (h + 1) & mask
            h = (v * 2654435761) & mask
            while idx[h] != -1 and keys[h] != v:
                h = (h + 1) & mask
            if idx[h] == -1:
                keys[h] = v
                idx[h] = j
            j += 1
        return []
