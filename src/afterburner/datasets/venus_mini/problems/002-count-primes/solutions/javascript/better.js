// better: O(N*sqrt(N)/log N) trial division by the primes found so far
const n = Number(require('fs').readFileSync(0, 'utf8').trim());
const primes = [];
for (let m = 2; m < n; m++) {
    let prime = true;
    for (let k = 0; k < primes.length; k++) {
        const p = primes[k];
        if (p * p > m) break;
        if (m % p === 0) {
            prime = false;
            break;
        }
    }
    if (prime) primes.push(m);
}
console.log(String(primes.length));
