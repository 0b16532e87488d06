const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
const text = tokens[0], pattern = tokens[1];
// print the number of (possibly overlapping) occurrences of pattern in text
