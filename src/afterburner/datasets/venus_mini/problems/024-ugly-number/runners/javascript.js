==Code Submission==

const _data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const _q = _data[0];
const _out = [];
for (let i = 0; i < _q; i++) _out.push(String(nthUglyNumber(_data[1 + i])));
console.log(_out.join('\n'));
