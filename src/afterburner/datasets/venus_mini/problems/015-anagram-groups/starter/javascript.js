const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
const n = parseInt(tokens[0], 10);
const words = tokens.slice(1, 1 + n);
// print the number of anagram groups and the size of the largest group
