==Code Submission==

const _data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const _n = _data[0], _k = _data[1];
const _nums = _data.slice(2, 2 + _n);
console.log(Array.from(maxSlidingWindow(_nums, _k)).join(' '));
