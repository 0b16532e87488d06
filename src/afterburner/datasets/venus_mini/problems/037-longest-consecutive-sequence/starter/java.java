class Solution {
    public int longestConsecutive(int[] nums) {
        return 0;
    }
}
