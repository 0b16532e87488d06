// optimal: O(n) one pass, map from value to its first index
func twoSum(nums []int, target int) []int {
	seen := make(map[int]int, len(nums))
	for j, v := range nums {
		if i, ok := seen[target-v]; ok {
			return []int{i, j}
		}
		if _, ok := seen[v]; !ok {
			seen[v] = j
		}
	}
	return []int{}
}
