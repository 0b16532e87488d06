const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0).map(Number);
const q = tokens[0];
const queries = tokens.slice(1, 1 + q);
// print F(n) mod 1000000007 for every query, one per line
