/**
 * @param {string} s
 * @return {number}
 */
var longestPalindromeLength = function(s) {
    
};
