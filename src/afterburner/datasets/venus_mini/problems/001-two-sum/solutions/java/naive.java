// naive: O(n^2) scan of every index pair
class Solution {
    public int[] twoSum(int[] nums, int target) {
        int n = nums.length;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if ((long) nums[i] + nums[j] == target) return new int[] {i, j};
        return new int[0];
    }
}
