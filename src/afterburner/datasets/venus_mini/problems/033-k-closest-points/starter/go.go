func kClosest(points [][]int, k int) [][]int {
	return nil
}
