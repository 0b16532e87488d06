// better: O(n log n) time - sort [l, r] arrays with a comparator, merge in one pass
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
const n = data[0];
const iv = [];
for (let i = 0; i < n; i++) iv.push([data[1 + 2 * i], data[2 + 2 * i]]);
iv.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const out = [];
for (const p of iv) {
  const last = out[out.length - 1];
  if (last && p[0] <= last[1]) {
    if (p[1] > last[1]) last[1] = p[1];
  } else {
    out.push([p[0], p[1]]);
  }
}
const parts = [String(out.length)];
for (const p of out) parts.push(p[0] + ' ' + p[1]);
process.stdout.write(parts.join('\n') + '\n');
