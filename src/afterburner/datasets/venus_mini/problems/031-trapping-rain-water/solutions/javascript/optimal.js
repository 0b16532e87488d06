// optimal: O(n) time, O(1) extra memory - two pointers moving inward from the lower side
function trap(height) {
  let i = 0;
  let j = height.length - 1;
  let leftMax = 0;
  let rightMax = 0;
  let total = 0;
  while (i < j) {
    const hi = height[i];
    const hj = height[j];
    if (hi < hj) {
      if (hi > leftMax) leftMax = hi;
      else total += leftMax - hi;
      i++;
    } else {
      if (hj > rightMax) rightMax = hj;
      else total += rightMax - hj;
      j--;
    }
  }
  return total;
}
