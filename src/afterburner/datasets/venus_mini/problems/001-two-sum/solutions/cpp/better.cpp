// better: O(n log n) sort the indices by value, then close in with two pointers
class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        int n = nums.size();
        vector<int> order(n);
        iota(order.begin(), order.end(), 0);
        sort(order.begin(), order.end(), [&](int a, int b) { return nums[a] < nums[b]; });
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            long long s = (long long)nums[order[lo]] + nums[order[hi]];
            if (s == target) {
                int i = order[lo], j = order[hi];
                if (i > j) swap(i, j);
                return {i, j};
            }
            if (s < target) ++lo; else --hi;
        }
        return {};
    }
};
