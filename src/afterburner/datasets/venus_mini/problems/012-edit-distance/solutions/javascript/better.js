// better: bottom-up full (n+1)x(m+1) table, O(n*m) time and memory
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
const a = tokens[0], b = tokens[1];
const n = a.length, m = b.length;
const dp = [];
for (let i = 0; i <= n; i++) dp.push(new Array(m + 1).fill(0));
for (let j = 0; j <= m; j++) dp[0][j] = j;
for (let i = 1; i <= n; i++) {
    dp[i][0] = i;
    for (let j = 1; j <= m; j++) {
        if (a[i - 1] === b[j - 1]) dp[i][j] = dp[i - 1][j - 1];
        else dp[i][j] = 1 + Math.min(dp[i - 1][j], dp[i][j - 1], dp[i - 1][j - 1]);
    }
}
console.log(String(dp[n][m]));
