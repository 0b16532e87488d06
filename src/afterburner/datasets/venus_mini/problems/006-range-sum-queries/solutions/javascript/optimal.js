// optimal: O(n + q) prefix sums, each answer is prefix[r+1] - prefix[l]
const t = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
let pos = 0;
const n = t[pos++];
const prefix = new Float64Array(n + 1);
for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + t[pos++];
const q = t[pos++];
const out = [];
for (let k = 0; k < q; k++) {
    const l = t[pos++], r = t[pos++];
    out.push(prefix[r + 1] - prefix[l]);
}
process.stdout.write(out.join('\n') + '\n');
