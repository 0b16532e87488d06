const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0], m = data[1], s = data[2];
for (let i = 0; i < m; i++) {
    const u = data[3 + 3 * i], v = data[4 + 3 * i], w = data[5 + 3 * i];
}
// print the n distances on one line, -1 for unreachable nodes
