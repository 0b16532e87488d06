// better: O(n^2) time, O(n^2) memory interval DP table
var longestPalindromeLength = function(s) {
    const n = s.length;
    const pal = [];
    for (let i = 0; i < n; i++) pal.push(new Uint8Array(n));
    let best = 1;
    for (let i = n - 1; i >= 0; i--) {
        pal[i][i] = 1;
        for (let j = i + 1; j < n; j++) {
            if (s.charCodeAt(i) === s.charCodeAt(j) && (j - i < 3 || pal[i + 1][j - 1])) {
                pal[i][j] = 1;
                if (j - i + 1 > best) best = j - i + 1;
            }
        }
    }
    return best;
};
