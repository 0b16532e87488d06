func kthSmallest(matrix [][]int, k int) int {
	
}
