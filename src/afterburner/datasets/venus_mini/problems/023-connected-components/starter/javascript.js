const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0], m = data[1];
const out = [];
for (let i = 0; i < m; i++) {
    const u = data[2 + 2 * i], v = data[3 + 2 * i];
    // push the number of components after this edge
}
console.log(out.join('\n'));
