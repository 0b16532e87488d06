// better: O(n) time, O(n) memory - prefix-maximum and suffix-maximum arrays
func trap(height []int) int {
	n := len(height)
	left := make([]int, n)
	right := make([]int, n)
	best := 0
	for i := 0; i < n; i++ {
		if height[i] > best {
			best = height[i]
		}
		left[i] = best
	}
	best = 0
	for i := n - 1; i >= 0; i-- {
		if height[i] > best {
			best = height[i]
		}
		right[i] = best
	}
	total := 0
	for i := 0; i < n; i++ {
		level := left[i]
		if right[i] < level {
			level = right[i]
		}
		total += level - height[i]
	}
	return total
}
