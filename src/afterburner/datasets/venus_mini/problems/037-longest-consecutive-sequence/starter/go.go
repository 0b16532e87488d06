func longestConsecutive(nums []int) int {
	return 0
}
