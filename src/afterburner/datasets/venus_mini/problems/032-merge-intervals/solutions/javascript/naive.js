// naive: O(n^2) time - insert intervals one by one, scanning every merged interval for overlaps and rebuilding the list
const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const n = parseInt(lines[0], 10);
let merged = [];
for (let i = 1; i <= n; i++) {
  let [l, r] = lines[i].trim().split(/\s+/).map(Number);
  const rest = [];
  for (const iv of merged) {
    if (iv[0] <= r && l <= iv[1]) {
      l = Math.min(l, iv[0]);
      r = Math.max(r, iv[1]);
    } else {
      rest.push(iv);
    }
  }
  rest.push([l, r]);
  merged = rest;
}
merged.sort((a, b) => a[0] - b[0]);
let out = String(merged.length) + '\n';
for (const iv of merged) out += iv[0] + ' ' + iv[1] + '\n';
process.stdout.write(out);
