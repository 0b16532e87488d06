class Solution {
    public int kthSmallest(int[][] matrix, int k) {
        
    }
}
