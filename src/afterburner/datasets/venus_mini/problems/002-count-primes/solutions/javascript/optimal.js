// optimal: O(N log log N) sieve of Eratosthenes on a Uint8Array
const n = Number(require('fs').readFileSync(0, 'utf8').trim());
let count = 0;
if (n >= 3) {
    const composite = new Uint8Array(n);
    for (let i = 2; i < n; i++) {
        if (composite[i]) continue;
        count++;
        for (let j = i * i; j < n; j += i) composite[j] = 1;
    }
}
console.log(String(count));
