class Solution {
    public int[] productExceptSelf(int[] nums) {
        
    }
}
