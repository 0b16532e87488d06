// optimal: O(n) Manacher's algorithm over the separator-padded string
class Solution {
public:
    int longestPalindromeLength(string s) {
        string t = "^#";
        for (char c : s) { t += c; t += '#'; }
        t += '$';
        int m = t.size(), center = 0, right = 0, best = 0;
        vector<int> rad(m, 0);
        for (int i = 1; i < m - 1; ++i) {
            int r = 0;
            if (i < right) r = min(right - i, rad[2 * center - i]);
            while (t[i + r + 1] == t[i - r - 1]) ++r;
            rad[i] = r;
            if (i + r > right) { center = i; right = i + r; }
            best = max(best, r);
        }
        return best;
    }
};
