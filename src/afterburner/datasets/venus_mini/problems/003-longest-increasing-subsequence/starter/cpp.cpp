class Solution {
public:
    int lengthOfLIS(vector<int>& nums) {
        
    }
};
