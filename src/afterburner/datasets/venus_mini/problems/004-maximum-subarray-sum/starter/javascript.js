const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0).map(Number);
const n = tokens[0];
const a = tokens.slice(1, 1 + n);
// print the maximum subarray sum
