==Code Submission==

const _data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const _n = _data[0], _m = _data[1];
const _pre = [];
for (let i = 0; i < _m; i++) _pre.push([_data[2 + 2 * i], _data[3 + 2 * i]]);
console.log(canFinish(_n, _pre) ? 'true' : 'false');
