class Solution {
    public int lengthOfLIS(int[] nums) {
        
    }
}
