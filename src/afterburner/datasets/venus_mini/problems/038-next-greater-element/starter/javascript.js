const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
const n = data[0];
const a = data.slice(1, 1 + n);
// print the next greater element of every position on one line
