class Solution {
    public int majorityElement(int[] nums) {
        
    }
}
