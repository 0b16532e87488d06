// better: O(n log n) expected, O(n^2) worst time - divide and conquer around the lowest bar (recursive, linear min scan)
const data = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n = data[0];
const h = data.slice(1, 1 + n);
function solve(lo, hi) {
  if (lo >= hi) return 0;
  let m = lo;
  for (let i = lo + 1; i < hi; i++) if (h[i] < h[m]) m = i;
  return Math.max(h[m] * (hi - lo), solve(lo, m), solve(m + 1, hi));
}
console.log(String(solve(0, n)));
