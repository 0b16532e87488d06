func numIslands(grid [][]byte) int {
	
}
