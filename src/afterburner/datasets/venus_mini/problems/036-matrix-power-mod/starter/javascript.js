const MOD = 1000000007n;
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
const m = Number(data[0]);
const p = Number(data[1]);
const a = [];
for (let i = 0; i < m; i++) a.push(data.slice(2 + i * m, 2 + (i + 1) * m).map(BigInt));
// print the rows of A^p mod 1000000007 (products of two entries exceed 2^53: use BigInt or split them)
