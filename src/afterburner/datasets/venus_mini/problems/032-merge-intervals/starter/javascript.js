const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
const n = data[0];
const intervals = [];
for (let i = 0; i < n; i++) intervals.push([data[1 + 2 * i], data[2 + 2 * i]]);
// merge the intervals, then print the count and the merged intervals
