// better: O(n log n) sort (value, index) keys packed in longs, then two pointers
class Solution {
    public int[] twoSum(int[] nums, int target) {
        int n = nums.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = ((long) nums[i] << 20) | i;
        java.util.Arrays.sort(keys);
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            long s = (keys[lo] >> 20) + (keys[hi] >> 20);
            if (s == target) {
                int i = (int) (keys[lo] & 0xFFFFF), j = (int) (keys[hi] & 0xFFFFF);
                return i < j ? new int[] {i, j} : new int[] {j, i};
            }
            if (s < target) lo++; else hi--;
        }
        return new int[0];
    }
}
