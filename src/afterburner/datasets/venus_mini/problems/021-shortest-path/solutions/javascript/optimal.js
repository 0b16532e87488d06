// optimal: Dijkstra with a hand-rolled binary min-heap over CSR typed arrays, O((V + E) log V)
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0], m = data[1], s = data[2];
const start = new Int32Array(n + 1);
for (let i = 0; i < m; i++) start[data[3 + 3 * i] + 1]++;
for (let i = 0; i < n; i++) start[i + 1] += start[i];
const fill = start.slice(0, n);
const to = new Int32Array(m);
const wt = new Float64Array(m);
for (let i = 0; i < m; i++) {
    const k = fill[data[3 + 3 * i]]++;
    to[k] = data[4 + 3 * i];
    wt[k] = data[5 + 3 * i];
}
const dist = new Float64Array(n).fill(-1);
dist[s] = 0;
// heap of (key, node) pairs in two parallel arrays
let hk = new Float64Array(16), hv = new Int32Array(16), size = 0;
function push(key, node) {
    if (size === hk.length) {
        const nk = new Float64Array(size * 2); nk.set(hk); hk = nk;
        const nv = new Int32Array(size * 2); nv.set(hv); hv = nv;
    }
    let i = size++;
    while (i > 0) {
        const p = (i - 1) >> 1;
        if (hk[p] <= key) break;
        hk[i] = hk[p]; hv[i] = hv[p]; i = p;
    }
    hk[i] = key; hv[i] = node;
}
function pop() {
    const key = hk[--size], node = hv[size];
    let i = 0;
    while (true) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && hk[c + 1] < hk[c]) c++;
        if (hk[c] >= key) break;
        hk[i] = hk[c]; hv[i] = hv[c]; i = c;
    }
    hk[i] = key; hv[i] = node;
}
push(0, s);
while (size > 0) {
    const d = hk[0], u = hv[0];
    pop();
    if (d !== dist[u]) continue;
    for (let k = start[u]; k < start[u + 1]; k++) {
        const v = to[k], nd = d + wt[k];
        if (dist[v] < 0 || nd < dist[v]) {
            dist[v] = nd;
            push(nd, v);
        }
    }
}
console.log(Array.from(dist).join(' '));
