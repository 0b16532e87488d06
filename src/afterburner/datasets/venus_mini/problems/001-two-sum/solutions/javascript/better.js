// better: O(n log n) sort the indices by value, then close in with two pointers
var twoSum = function (nums, target) {
    const order = Array.from(nums.keys()).sort((a, b) => nums[a] - nums[b]);
    let lo = 0, hi = order.length - 1;
    while (lo < hi) {
        const s = nums[order[lo]] + nums[order[hi]];
        if (s === target) {
            const i = order[lo], j = order[hi];
            return i < j ? [i, j] : [j, i];
        }
        if (s < target) lo++; else hi--;
    }
    return [];
};
