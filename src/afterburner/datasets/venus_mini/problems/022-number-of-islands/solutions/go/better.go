// better: union-find over land cells with path halving and union by size, O(R*C * alpha)
func numIslands(grid [][]byte) int {
	rows, cols := len(grid), len(grid[0])
	parent := make([]int, rows*cols)
	size := make([]int, rows*cols)
	for i := range parent {
		parent[i] = i
		size[i] = 1
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	union := func(x, y int) int {
		a, b := find(x), find(y)
		if a == b {
			return 0
		}
		if size[a] < size[b] {
			a, b = b, a
		}
		parent[b] = a
		size[a] += size[b]
		return 1
	}
	count := 0
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			if grid[i][j] != '1' {
				continue
			}
			count++
			idx := i*cols + j
			if i > 0 && grid[i-1][j] == '1' {
				count -= union(idx, idx-cols)
			}
			if j > 0 && grid[i][j-1] == '1' {
				count -= union(idx, idx-1)
			}
		}
	}
	return count
}
