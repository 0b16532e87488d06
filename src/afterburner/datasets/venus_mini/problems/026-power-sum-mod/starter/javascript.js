const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(BigInt);
const q = Number(data[0]), m = data[1];
for (let i = 0; i < q; i++) {
    const a = data[2 + 2 * i], b = data[3 + 2 * i];
}
// print (a_1^b_1 + ... + a_q^b_q) mod m (BigInt avoids precision loss in products)
