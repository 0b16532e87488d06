// naive: O(n^2) time - for every bar rescan both sides for their tallest bar
class Solution {
    public long trap(int[] height) {
        int n = height.length;
        long total = 0;
        for (int i = 0; i < n; i++) {
            int left = 0, right = 0;
            for (int j = 0; j <= i; j++) left = Math.max(left, height[j]);
            for (int j = i; j < n; j++) right = Math.max(right, height[j]);
            total += (long) Math.min(left, right) - height[i];
        }
        return total;
    }
}
