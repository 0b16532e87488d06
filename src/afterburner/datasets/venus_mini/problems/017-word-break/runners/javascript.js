==Code Submission==

const __tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
const __m = parseInt(__tokens[1], 10);
console.log(wordBreak(__tokens[0], __tokens.slice(2, 2 + __m)) ? "true" : "false");
