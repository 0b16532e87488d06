// optimal: 1-D unbounded-knapsack counting in an Int32Array, O(k * A) time, O(A) memory
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0).map(Number);
const k = tokens[0], amount = tokens[1];
const MOD = 1000000007;
const ways = new Int32Array(amount + 1);
ways[0] = 1;
for (let i = 0; i < k; i++) {
    const c = tokens[2 + i];
    for (let a = c; a <= amount; a++) {
        let v = ways[a] + ways[a - c];
        if (v >= MOD) v -= MOD;
        ways[a] = v;
    }
}
console.log(String(ways[amount]));
