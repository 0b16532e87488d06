const n = Number(require('fs').readFileSync(0, 'utf8').trim().split(/\s+/)[0]);
// print d(1) + d(2) + ... + d(n)
