// optimal: O(n) time, O(1) extra memory - two pointers moving inward from the lower side
func trap(height []int) int {
	i, j := 0, len(height)-1
	leftMax, rightMax, total := 0, 0, 0
	for i < j {
		if height[i] < height[j] {
			if height[i] > leftMax {
				leftMax = height[i]
			} else {
				total += leftMax - height[i]
			}
			i++
		} else {
			if height[j] > rightMax {
				rightMax = height[j]
			} else {
				total += rightMax - height[j]
			}
			j--
		}
	}
	return total
}
