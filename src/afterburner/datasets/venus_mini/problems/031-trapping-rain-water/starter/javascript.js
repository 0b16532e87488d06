/**
 * @param {number[]} height
 * @return {number}
 */
function trap(height) {
  return 0;
}
