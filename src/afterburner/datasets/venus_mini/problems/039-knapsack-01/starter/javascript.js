const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
const n = data[0];
const cap = data[1];
const items = [];
for (let i = 0; i < n; i++) items.push([data[2 + 2 * i], data[3 + 2 * i]]);
// print the largest total worth that fits into the capacity
