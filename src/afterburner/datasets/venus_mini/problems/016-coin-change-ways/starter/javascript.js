const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0).map(Number);
const k = tokens[0], amount = tokens[1];
const coins = tokens.slice(2, 2 + k);
// print the number of ways to pay amount, modulo 1000000007
