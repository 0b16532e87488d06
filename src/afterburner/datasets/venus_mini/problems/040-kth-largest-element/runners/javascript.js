==Code Submission==

(function runnerMain() {
  const runnerTokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
  const runnerN = Number(runnerTokens[0]);
  const runnerK = Number(runnerTokens[1]);
  const runnerNums = new Array(runnerN);
  for (let i = 0; i < runnerN; i++) runnerNums[i] = Number(runnerTokens[2 + i]);
  console.log(String(findKthLargest(runnerNums, runnerK)));
})();
