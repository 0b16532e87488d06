// better: O(n) time, O(n) memory - prefix-maximum and suffix-maximum arrays
function trap(height) {
  const n = height.length;
  const left = new Array(n);
  const right = new Array(n);
  let best = 0;
  for (let i = 0; i < n; i++) {
    best = Math.max(best, height[i]);
    left[i] = best;
  }
  best = 0;
  for (let i = n - 1; i >= 0; i--) {
    best = Math.max(best, height[i]);
    right[i] = best;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.min(left[i], right[i]) - height[i];
  return total;
}
