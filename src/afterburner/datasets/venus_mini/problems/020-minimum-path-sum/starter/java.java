class Solution {
    public int minPathSum(int[][] grid) {
        
    }
}
