class Solution {
    public int subarraySum(int[] nums, int k) {
        return 0;
    }
}
