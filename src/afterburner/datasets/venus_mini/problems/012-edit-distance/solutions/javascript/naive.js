// naive: top-down recursion memoized in a Map, O(n*m) states with call overhead
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
const a = tokens[0], b = tokens[1];
const n = a.length, m = b.length;
const memo = new Map();

function dist(i, j) {
    if (i === n) return m - j;
    if (j === m) return n - i;
    const key = i * (m + 1) + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let res;
    if (a[i] === b[j]) res = dist(i + 1, j + 1);
    else res = 1 + Math.min(dist(i + 1, j), dist(i, j + 1), dist(i + 1, j + 1));
    memo.set(key, res);
    return res;
}

console.log(String(dist(0, 0)));
