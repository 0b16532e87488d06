// optimal: Dirichlet hyperbola, D(N) = 2 * sum_{i <= r} floor(N / i) - r^2 with r = isqrt(N), O(sqrt N)
const n = Number(require('fs').readFileSync(0, 'utf8').trim().split(/\s+/)[0]);
let r = Math.floor(Math.sqrt(n));
while (r * r > n) r--;
while ((r + 1) * (r + 1) <= n) r++;
let total = 0;
for (let i = 1; i <= r; i++) total += Math.floor(n / i);
console.log(String(2 * total - r * r));
