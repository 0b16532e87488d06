const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0).map(Number);
let pos = 0;
const n = tokens[pos++];
const a = tokens.slice(pos, pos + n);
pos += n;
const q = tokens[pos++];
const out = [];
for (let i = 0; i < q; i++) {
    const l = tokens[pos++];
    const r = tokens[pos++];
    // push the sum of a[l..r] to out
}
process.stdout.write(out.join('\n') + '\n');
