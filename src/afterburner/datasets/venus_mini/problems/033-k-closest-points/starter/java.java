class Solution {
    public int[][] kClosest(int[][] points, int k) {
        return new int[0][];
    }
}
