class Solution {
public:
    int subarraySum(vector<int>& nums, int k) {
        return 0;
    }
};
