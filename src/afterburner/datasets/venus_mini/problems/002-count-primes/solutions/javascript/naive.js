// naive: O(N*sqrt(N)) trial division of every candidate by every integer up to its square root
const n = Number(require('fs').readFileSync(0, 'utf8').trim());
let count = 0;
for (let m = 2; m < n; m++) {
    let prime = true;
    for (let d = 2; d * d <= m; d++) {
        if (m % d === 0) {
            prime = false;
            break;
        }
    }
    if (prime) count++;
}
console.log(String(count));
