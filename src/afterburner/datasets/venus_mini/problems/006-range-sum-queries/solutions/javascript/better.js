// better: O((n + q) log n) Fenwick tree, each answer as two prefix queries
const t = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
let pos = 0;
const n = t[pos++];
const tree = new Float64Array(n + 1);
for (let i = 1; i <= n; i++) {
    tree[i] += t[pos++];
    const j = i + (i & -i);
    if (j <= n) tree[j] += tree[i];
}
function prefix(i) {
    let s = 0;
    for (; i > 0; i -= i & -i) s += tree[i];
    return s;
}
const q = t[pos++];
const out = [];
for (let k = 0; k < q; k++) {
    const l = t[pos++], r = t[pos++];
    out.push(prefix(r + 1) - prefix(l));
}
process.stdout.write(out.join('\n') + '\n');
