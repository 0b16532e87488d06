// naive: O(n^2) time - for every bar rescan both sides for their tallest bar
func trap(height []int) int {
	n := len(height)
	total := 0
	for i := 0; i < n; i++ {
		left, right := 0, 0
		for j := 0; j <= i; j++ {
			if height[j] > left {
				left = height[j]
			}
		}
		for j := i; j < n; j++ {
			if height[j] > right {
				right = height[j]
			}
		}
		level := left
		if right < level {
			level = right
		}
		total += level - height[i]
	}
	return total
}
