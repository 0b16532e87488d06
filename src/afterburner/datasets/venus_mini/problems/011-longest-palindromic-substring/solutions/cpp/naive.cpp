// naive: O(n^3) check every substring with two pointers
class Solution {
public:
    int longestPalindromeLength(string s) {
        int n = s.size(), best = 0;
        for (int i = 0; i < n; ++i) {
            for (int j = i; j < n; ++j) {
                int lo = i, hi = j;
                while (lo < hi && s[lo] == s[hi]) { ++lo; --hi; }
                if (lo >= hi && j - i + 1 > best) best = j - i + 1;
            }
        }
        return best;
    }
};
