// naive: Bellman-Ford over the edge list with early exit, O(V*E)
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0], m = data[1], s = data[2];
const us = [], vs = [], ws = [];
for (let i = 0; i < m; i++) {
    us.push(data[3 + 3 * i]);
    vs.push(data[4 + 3 * i]);
    ws.push(data[5 + 3 * i]);
}
const dist = new Array(n).fill(Infinity);
dist[s] = 0;
for (let pass = 0; pass < n - 1; pass++) {
    let changed = false;
    for (let i = 0; i < m; i++) {
        const du = dist[us[i]];
        if (du === Infinity) continue;
        const nd = du + ws[i];
        if (nd < dist[vs[i]]) {
            dist[vs[i]] = nd;
            changed = true;
        }
    }
    if (!changed) break;
}
console.log(dist.map(d => (d === Infinity ? -1 : d)).join(' '));
