// naive: O(n^2) time - for every left edge extend to the right keeping the running minimum height
const data = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n = data[0];
const h = data.slice(1, 1 + n);
let best = 0;
for (let i = 0; i < n; i++) {
  let low = h[i];
  for (let j = i; j < n; j++) {
    low = Math.min(low, h[j]);
    best = Math.max(best, low * (j - i + 1));
  }
}
console.log(String(best));
