// naive: count the divisors of every i by trial division up to sqrt(i), O(N sqrt N)
const n = Number(require('fs').readFileSync(0, 'utf8').trim().split(/\s+/)[0]);
let total = 0;
for (let i = 1; i <= n; i++) {
    let d = 1;
    for (; d * d < i; d++) if (i % d === 0) total += 2;
    if (d * d === i) total += 1;
}
console.log(String(total));
