// naive: O(n^3) check every substring with two pointers
var longestPalindromeLength = function(s) {
    const n = s.length;
    let best = 0;
    for (let i = 0; i < n; i++) {
        for (let j = i; j < n; j++) {
            let lo = i, hi = j;
            while (lo < hi && s[lo] === s[hi]) { lo++; hi--; }
            if (lo >= hi && j - i + 1 > best) best = j - i + 1;
        }
    }
    return best;
};
