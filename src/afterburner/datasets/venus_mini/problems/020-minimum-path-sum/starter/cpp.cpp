class Solution {
public:
    int minPathSum(vector<vector<int>>& grid) {
        
    }
};
