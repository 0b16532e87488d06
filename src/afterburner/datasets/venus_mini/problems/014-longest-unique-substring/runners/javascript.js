==Code Submission==

const __tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
console.log(String(lengthOfLongestSubstring(__tokens[0])));
