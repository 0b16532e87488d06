// better: O(n^2) time, O(n^2) memory interval DP table
class Solution {
public:
    int longestPalindromeLength(string s) {
        int n = s.size(), best = 1;
        vector<vector<char>> pal(n, vector<char>(n, 0));
        for (int i = n - 1; i >= 0; --i) {
            pal[i][i] = 1;
            for (int j = i + 1; j < n; ++j) {
                if (s[i] == s[j] && (j - i < 3 || pal[i + 1][j - 1])) {
                    pal[i][j] = 1;
                    best = max(best, j - i + 1);
                }
            }
        }
        return best;
    }
};
