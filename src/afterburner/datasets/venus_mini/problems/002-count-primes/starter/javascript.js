const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
const n = Number(tokens[0]);
// print the number of primes below n
