const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
const a = tokens[0], b = tokens[1];
// compute and print the edit distance between a and b
