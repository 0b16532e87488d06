// naive: repeated min-label propagation sweeps until nothing changes, O(R*C*D) for island diameter D
func numIslands(grid [][]byte) int {
	rows, cols := len(grid), len(grid[0])
	label := make([][]int, rows)
	for i := range label {
		label[i] = make([]int, cols)
		for j := range label[i] {
			label[i][j] = -1
			if grid[i][j] == '1' {
				label[i][j] = i*cols + j
			}
		}
	}
	changed := true
	for changed {
		changed = false
		next := make([][]int, rows)
		for i := range label {
			next[i] = append([]int(nil), label[i]...)
		}
		for i := 0; i < rows; i++ {
			for j := 0; j < cols; j++ {
				cur := label[i][j]
				if cur < 0 {
					continue
				}
				best := cur
				if i > 0 && label[i-1][j] >= 0 && label[i-1][j] < best {
					best = label[i-1][j]
				}
				if i+1 < rows && label[i+1][j] >= 0 && label[i+1][j] < best {
					best = label[i+1][j]
				}
				if j > 0 && label[i][j-1] >= 0 && label[i][j-1] < best {
					best = label[i][j-1]
				}
				if j+1 < cols && label[i][j+1] >= 0 && label[i][j+1] < best {
					best = label[i][j+1]
				}
				if best != cur {
					next[i][j] = best
					changed = true
				}
			}
		}
		label = next
	}
	count := 0
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			if label[i][j] == i*cols+j {
				count++
			}
		}
	}
	return count
}
