// better: full 2-D table over (coins used so far, amount), O(k * A) time and memory
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0).map(Number);
const k = tokens[0], amount = tokens[1];
const coins = tokens.slice(2, 2 + k);
const MOD = 1000000007;
const table = [];
for (let i = 0; i <= k; i++) table.push(new Array(amount + 1).fill(0));
table[0][0] = 1;
for (let i = 1; i <= k; i++) {
    const c = coins[i - 1];
    for (let a = 0; a <= amount; a++) {
        let v = table[i - 1][a];
        if (a >= c) v += table[i][a - c];
        table[i][a] = v % MOD;
    }
}
console.log(String(table[k][amount]));
