func trap(height []int) int {
	return 0
}
