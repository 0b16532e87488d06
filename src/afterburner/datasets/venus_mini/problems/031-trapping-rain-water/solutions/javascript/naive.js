// naive: O(n^2) time - for every bar rescan both sides for their tallest bar (loops over copied slices)
function trap(height) {
  const n = height.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let left = 0;
    let right = 0;
    for (const h of height.slice(0, i + 1)) if (h > left) left = h;
    for (const h of height.slice(i)) if (h > right) right = h;
    total += Math.min(left, right) - height[i];
  }
  return total;
}
