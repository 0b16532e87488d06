// better: O(n) time, O(n) memory - prefix-maximum and suffix-maximum arrays
class Solution {
public:
    long long trap(vector<int>& height) {
        int n = height.size();
        vector<int> left(n), right(n);
        int best = 0;
        for (int i = 0; i < n; i++) { best = max(best, height[i]); left[i] = best; }
        best = 0;
        for (int i = n - 1; i >= 0; i--) { best = max(best, height[i]); right[i] = best; }
        long long total = 0;
        for (int i = 0; i < n; i++) total += (long long)min(left[i], right[i]) - height[i];
        return total;
    }
};
