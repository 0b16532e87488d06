// better: divisor-count sieve, add 1 to every multiple of every d, O(N log N) time, O(N) memory
const n = Number(require('fs').readFileSync(0, 'utf8').trim().split(/\s+/)[0]);
const cnt = new Int32Array(n + 1);
for (let d = 1; d <= n; d++) for (let k = d; k <= n; k += d) cnt[k]++;
let total = 0;
for (let i = 1; i <= n; i++) total += cnt[i];
console.log(String(total));
