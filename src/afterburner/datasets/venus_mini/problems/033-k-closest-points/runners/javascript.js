==Code Submission==

(function runnerMain() {
  const runnerTokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
  const runnerN = Number(runnerTokens[0]);
  const runnerK = Number(runnerTokens[1]);
  const runnerPoints = new Array(runnerN);
  for (let i = 0; i < runnerN; i++) {
    runnerPoints[i] = [Number(runnerTokens[2 + 2 * i]), Number(runnerTokens[3 + 2 * i])];
  }
  const runnerRes = kClosest(runnerPoints, runnerK);
  const runnerLines = runnerRes.map((p) => p[0] + ' ' + p[1]);
  process.stdout.write(runnerLines.join('\n') + (runnerLines.length ? '\n' : ''));
})();
