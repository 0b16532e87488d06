// better: O(n^2) time, O(n^2) memory interval DP table
class Solution {
    public int longestPalindromeLength(String s) {
        int n = s.length(), best = 1;
        char[] c = s.toCharArray();
        boolean[][] pal = new boolean[n][n];
        for (int i = n - 1; i >= 0; i--) {
            pal[i][i] = true;
            for (int j = i + 1; j < n; j++) {
                if (c[i] == c[j] && (j - i < 3 || pal[i + 1][j - 1])) {
                    pal[i][j] = true;
                    if (j - i + 1 > best) best = j - i + 1;
                }
            }
        }
        return best;
    }
}
