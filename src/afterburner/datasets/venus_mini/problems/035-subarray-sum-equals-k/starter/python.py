class Solution:
    def subarraySum(self, nums: List[int], k: int) -> int:
        pass
