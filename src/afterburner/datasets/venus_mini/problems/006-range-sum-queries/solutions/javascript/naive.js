// naive: O(n*q) add up every queried range element by element
const t = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
let pos = 0;
const n = t[pos++];
const a = t.slice(pos, pos + n);
pos += n;
const q = t[pos++];
const out = [];
for (let k = 0; k < q; k++) {
    const l = t[pos++], r = t[pos++];
    let s = 0;
    for (let i = l; i <= r; i++) s += a[i];
    out.push(s);
}
process.stdout.write(out.join('\n') + '\n');
