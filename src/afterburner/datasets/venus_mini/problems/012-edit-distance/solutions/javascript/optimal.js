// optimal: single rolling typed-array row over the shorter string, O(n*m) time, O(min(n,m)) memory
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
let a = tokens[0], b = tokens[1];
if (b.length > a.length) { const t = a; a = b; b = t; }
const n = a.length, m = b.length;
const bc = new Int32Array(m);
for (let j = 0; j < m; j++) bc[j] = b.charCodeAt(j);
const row = new Int32Array(m + 1);
for (let j = 0; j <= m; j++) row[j] = j;
for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= m; j++) {
        const up = row[j];
        if (ca === bc[j - 1]) row[j] = diag;
        else {
            let v = up < row[j - 1] ? up : row[j - 1];
            if (diag < v) v = diag;
            row[j] = v + 1;
        }
        diag = up;
    }
}
console.log(String(row[m]));
