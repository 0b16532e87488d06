class Solution {
    public int[] maxSlidingWindow(int[] nums, int k) {
        
    }
}
