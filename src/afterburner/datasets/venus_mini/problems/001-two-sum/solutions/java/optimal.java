// optimal: O(n) one pass, HashMap from value to its first index
class Solution {
    public int[] twoSum(int[] nums, int target) {
        java.util.HashMap<Integer, Integer> seen = new java.util.HashMap<>(nums.length * 2);
        for (int j = 0; j < nums.length; j++) {
            long want = (long) target - nums[j];
            if (want >= Integer.MIN_VALUE && want <= Integer.MAX_VALUE) {
                Integer i = seen.get((int) want);
                if (i != null) return new int[] {i, j};
            }
            seen.putIfAbsent(nums[j], j);
        }
        return new int[0];
    }
}
