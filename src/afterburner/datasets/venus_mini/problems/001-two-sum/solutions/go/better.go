// better: O(n log n) sort the indices by value, then close in with two pointers
func twoSum(nums []int, target int) []int {
	order := make([]int, len(nums))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return nums[order[a]] < nums[order[b]] })
	lo, hi := 0, len(order)-1
	for lo < hi {
		s := nums[order[lo]] + nums[order[hi]]
		if s == target {
			i, j := order[lo], order[hi]
			if i > j {
				i, j = j, i
			}
			return []int{i, j}
		}
		if s < target {
			lo++
		} else {
			hi--
		}
	}
	return []int{}
}
