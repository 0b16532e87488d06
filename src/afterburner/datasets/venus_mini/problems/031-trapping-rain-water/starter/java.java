class Solution {
    public long trap(int[] height) {
        return 0;
    }
}
