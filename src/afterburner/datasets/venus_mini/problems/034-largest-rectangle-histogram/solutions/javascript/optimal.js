// optimal: O(n) time - single pass with a monotonic stack of indices in an Int32Array; byte-level parsing
const buf = require('fs').readFileSync(0);
let pos = 0;
function next() {
  while (buf[pos] < 48 || buf[pos] > 57) pos++;
  let v = 0;
  while (pos < buf.length && buf[pos] >= 48 && buf[pos] <= 57) v = v * 10 + (buf[pos++] - 48);
  return v;
}
const n = next();
const h = new Float64Array(n + 1);
for (let i = 0; i < n; i++) h[i] = next();
const st = new Int32Array(n + 2);
let top = 0;
st[0] = -1;
let best = 0;
for (let i = 0; i <= n; i++) {
  while (top > 0 && h[st[top]] >= h[i]) {
    const height = h[st[top--]];
    const area = height * (i - st[top] - 1);
    if (area > best) best = area;
  }
  st[++top] = i;
}
console.log(String(best));
