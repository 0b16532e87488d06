class Solution {
public:
    int longestCommonSubsequence(string text1, string text2) {
        
    }
};
