/**
 * @param {number[]} nums
 * @return {number}
 */
var majorityElement = function(nums) {
    
};
