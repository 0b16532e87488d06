// optimal: O(n log n) time - sort left ends and right ends independently in typed arrays, one sweep; byte-level parsing
const buf = require('fs').readFileSync(0);
let pos = 0;
function next() {
  while (buf[pos] < 48 || buf[pos] > 57) pos++;
  let v = 0;
  while (pos < buf.length && buf[pos] >= 48 && buf[pos] <= 57) v = v * 10 + (buf[pos++] - 48);
  return v;
}
const n = next();
const starts = new Int32Array(n);
const ends = new Int32Array(n);
for (let i = 0; i < n; i++) {
  starts[i] = next();
  ends[i] = next();
}
starts.sort();
ends.sort();
const parts = [];
let begin = starts[0];
for (let i = 0; i < n; i++) {
  // the i-th smallest end closes a merged interval when the next start lies beyond it
  if (i === n - 1 || starts[i + 1] > ends[i]) {
    parts.push(begin + ' ' + ends[i]);
    if (i < n - 1) begin = starts[i + 1];
  }
}
process.stdout.write(parts.length + '\n' + parts.join('\n') + '\n');
