func findKthLargest(nums []int, k int) int {
	return 0
}
