class Solution {
public:
    int majorityElement(vector<int>& nums) {
        
    }
};
