// better: O(n) time, O(n) memory - prefix-maximum and suffix-maximum arrays
class Solution {
    public long trap(int[] height) {
        int n = height.length;
        int[] left = new int[n];
        int[] right = new int[n];
        int best = 0;
        for (int i = 0; i < n; i++) { best = Math.max(best, height[i]); left[i] = best; }
        best = 0;
        for (int i = n - 1; i >= 0; i--) { best = Math.max(best, height[i]); right[i] = best; }
        long total = 0;
        for (int i = 0; i < n; i++) total += (long) Math.min(left[i], right[i]) - height[i];
        return total;
    }
}
