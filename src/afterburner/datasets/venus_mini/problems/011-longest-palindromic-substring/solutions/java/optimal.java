// optimal: O(n) Manacher's algorithm over the separator-padded string
class Solution {
    public int longestPalindromeLength(String s) {
        int n = s.length(), m = 2 * n + 3;
        char[] t = new char[m];
        t[0] = '^'; t[1] = '#'; t[m - 1] = '$';
        for (int i = 0; i < n; i++) { t[2 * i + 2] = s.charAt(i); t[2 * i + 3] = '#'; }
        int[] rad = new int[m];
        int center = 0, right = 0, best = 0;
        for (int i = 1; i < m - 1; i++) {
            int r = 0;
            if (i < right) r = Math.min(right - i, rad[2 * center - i]);
            while (t[i + r + 1] == t[i - r - 1]) r++;
            rad[i] = r;
            if (i + r > right) { center = i; right = i + r; }
            if (r > best) best = r;
        }
        return best;
    }
}
