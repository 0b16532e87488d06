class Solution {
public:
    int kthSmallest(vector<vector<int>>& matrix, int k) {
        
    }
};
