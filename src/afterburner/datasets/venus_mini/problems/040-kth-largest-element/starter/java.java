class Solution {
    public int findKthLargest(int[] nums, int k) {
        return 0;
    }
}
