==Code Submission==

const _data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const _n = _data[0], _k = _data[1];
const _matrix = [];
for (let i = 0; i < _n; i++) _matrix.push(_data.slice(2 + i * _n, 2 + (i + 1) * _n));
console.log(String(kthSmallest(_matrix, _k)));
