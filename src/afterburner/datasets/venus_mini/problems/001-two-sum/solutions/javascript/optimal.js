// optimal: O(n) one pass, Map from value to its first index
var twoSum = function (nums, target) {
    const seen = new Map();
    for (let j = 0; j < nums.length; j++) {
        const i = seen.get(target - nums[j]);
        if (i !== undefined) return [i, j];
        if (!seen.has(nums[j])) seen.set(nums[j], j);
    }
    return [];
};
