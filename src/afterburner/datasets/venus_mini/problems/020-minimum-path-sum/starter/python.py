class Solution:
    def minPathSum(self, grid: List[List[int]]) -> int:
        pass
