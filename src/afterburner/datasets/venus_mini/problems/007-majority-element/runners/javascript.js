==Code Submission==

(function runnerMain() {
    const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
    const n = Number(tokens[0]);
    const nums = new Array(n);
    for (let i = 0; i < n; i++) nums[i] = Number(tokens[1 + i]);
    const res = majorityElement(nums);
    process.stdout.write(String(res) + '\n');
})();
