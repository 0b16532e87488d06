# optimal: O(n) expected time - quickselect with a random pivot and three-way partition by list comprehensions
import random
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        rnd = random.Random(2024)
        arr = nums
        while True:
            pivot = arr[rnd.randrange(len(arr))]
            greater = [x for x in arr if x > pivot]
            if k <= len(greater):
                arr = greater
                continue
            equal = arr.count(pivot)
            if k <= len(greater) + equal:
                return pivot
            k -= len(greater) + equal
            arr = [x for x in arr if x < pivot]
