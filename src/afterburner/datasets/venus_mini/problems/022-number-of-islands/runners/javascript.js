==Code Submission==

const _data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const _rows = parseInt(_data[0], 10);
const _grid = [];
for (let i = 0; i < _rows; i++) _grid.push(_data[2 + i].split(''));
console.log(String(numIslands(_grid)));
