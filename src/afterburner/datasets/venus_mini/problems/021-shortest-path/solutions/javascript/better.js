// better: array-scan Dijkstra without a heap, O(V^2 + E)
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0], m = data[1], s = data[2];
const adj = Array.from({ length: n }, () => []);
for (let i = 0; i < m; i++) {
    adj[data[3 + 3 * i]].push([data[4 + 3 * i], data[5 + 3 * i]]);
}
const dist = new Array(n).fill(Infinity);
const done = new Array(n).fill(false);
dist[s] = 0;
for (let it = 0; it < n; it++) {
    let u = -1;
    for (let v = 0; v < n; v++) {
        if (!done[v] && dist[v] !== Infinity && (u < 0 || dist[v] < dist[u])) u = v;
    }
    if (u < 0) break;
    done[u] = true;
    for (const [v, w] of adj[u]) {
        if (dist[u] + w < dist[v]) dist[v] = dist[u] + w;
    }
}
console.log(dist.map(d => (d === Infinity ? -1 : d)).join(' '));
