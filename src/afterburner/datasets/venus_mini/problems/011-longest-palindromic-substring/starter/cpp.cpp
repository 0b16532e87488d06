class Solution {
public:
    int longestPalindromeLength(string s) {
        
    }
};
