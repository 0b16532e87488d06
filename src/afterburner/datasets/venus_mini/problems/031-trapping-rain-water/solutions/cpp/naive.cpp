// naive: O(n^2) time - for every bar rescan both sides for their tallest bar
class Solution {
public:
    long long trap(vector<int>& height) {
        int n = height.size();
        long long total = 0;
        for (int i = 0; i < n; i++) {
            int left = 0, right = 0;
            for (int j = 0; j <= i; j++) left = max(left, height[j]);
            for (int j = i; j < n; j++) right = max(right, height[j]);
            total += (long long)min(left, right) - height[i];
        }
        return total;
    }
};
