// naive: memoized recursion over (coin index, remainder) looping over every count of the coin, O(k * A^2 / c)
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0).map(Number);
const k = tokens[0], amount = tokens[1];
const coins = tokens.slice(2, 2 + k);
const MOD = 1000000007;
const memo = new Map();

function ways(i, rem) {
    if (i === k) return rem === 0 ? 1 : 0;
    const key = i * 100003 + rem;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let total = 0;
    for (let used = 0; used <= rem; used += coins[i]) total = (total + ways(i + 1, rem - used)) % MOD;
    memo.set(key, total);
    return total;
}

console.log(String(ways(0, amount)));
