# lowlevel: O(n) expected, hand-rolled open-addressing table of last positions in flat lists
class Solution:
    def containsNearbyDuplicate(self, nums, k):
        n = len(nums)
        size = 1
        while size < 2 * n:
            size <<= 1
        mask = size - 1
        keys = [0] * size
        pos = [-1] * size
        j = 0
        while j < n:
            v = nums[j]
            h = (v * 2654435761) & mask
            while pos[h] != -1 and keys[h] != v:
                h = (h + 1) & mask
            if pos[h] != -1 and j - pos[h] <= k:
                return True
            keys[h] = v
            pos[h] = j
            j += 1
        return False
