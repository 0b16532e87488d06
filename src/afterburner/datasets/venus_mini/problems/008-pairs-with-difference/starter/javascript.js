const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0).map(Number);
const n = tokens[0];
const k = tokens[1];
const a = tokens.slice(2, 2 + n);
// print the number of pairs i < j with |a[i] - a[j]| == k
