==Code Submission==

const __tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0).map(Number);
const __r = __tokens[0], __c = __tokens[1];
const __grid = [];
for (let i = 0; i < __r; i++) __grid.push(__tokens.slice(2 + i * __c, 2 + (i + 1) * __c));
console.log(String(minPathSum(__grid)));
