/**
 * @param {number} n
 * @return {number}
 */
var nthUglyNumber = function(n) {
    
};
