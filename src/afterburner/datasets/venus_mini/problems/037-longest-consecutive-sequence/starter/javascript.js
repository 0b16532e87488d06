/**
 * @param {number[]} nums
 * @return {number}
 */
function longestConsecutive(nums) {
  return 0;
}
