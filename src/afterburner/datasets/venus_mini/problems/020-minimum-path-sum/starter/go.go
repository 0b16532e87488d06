func minPathSum(grid [][]int) int {
    
}
