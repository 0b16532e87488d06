class Solution {
    public boolean containsNearbyDuplicate(int[] nums, int k) {
        
    }
}
