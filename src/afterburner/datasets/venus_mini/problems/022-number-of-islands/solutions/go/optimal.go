// optimal: iterative DFS flood fill that sinks visited land in place, O(R*C)
func numIslands(grid [][]byte) int {
	rows, cols := len(grid), len(grid[0])
	stack := make([]int, 0, 64)
	count := 0
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			if grid[i][j] != '1' {
				continue
			}
			count++
			grid[i][j] = '0'
			stack = append(stack[:0], i*cols+j)
			for len(stack) > 0 {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				a, b := p/cols, p%cols
				if a > 0 && grid[a-1][b] == '1' {
					grid[a-1][b] = '0'
					stack = append(stack, p-cols)
				}
				if a+1 < rows && grid[a+1][b] == '1' {
					grid[a+1][b] = '0'
					stack = append(stack, p+cols)
				}
				if b > 0 && grid[a][b-1] == '1' {
					grid[a][b-1] = '0'
					stack = append(stack, p-1)
				}
				if b+1 < cols && grid[a][b+1] == '1' {
					grid[a][b+1] = '0'
					stack = append(stack, p+1)
				}
			}
		}
	}
	return count
}
