// optimal: O(n) Manacher's algorithm over the separator-padded string
var longestPalindromeLength = function(s) {
    const n = s.length, m = 2 * n + 3;
    const t = new Int32Array(m);
    t[0] = -1; t[1] = 0; t[m - 1] = -2;
    for (let i = 0; i < n; i++) { t[2 * i + 2] = s.charCodeAt(i); t[2 * i + 3] = 0; }
    const rad = new Int32Array(m);
    let center = 0, right = 0, best = 0;
    for (let i = 1; i < m - 1; i++) {
        let r = 0;
        if (i < right) r = Math.min(right - i, rad[2 * center - i]);
        while (t[i + r + 1] === t[i - r - 1]) r++;
        rad[i] = r;
        if (i + r > right) { center = i; right = i + r; }
        if (r > best) best = r;
    }
    return best;
};
