class Solution {
public:
    int longestConsecutive(vector<int>& nums) {
        return 0;
    }
};
