// optimal: iterative DFS flood fill that sinks visited land in place, O(R*C)
impl Solution {
    pub fn num_islands(grid: Vec<Vec<char>>) -> i32 {
        let mut grid = grid;
        let rows = grid.len();
        let cols = grid[0].len();
        let mut stack: Vec<(usize, usize)> = Vec::new();
        let mut count = 0;
        for i in 0..rows {
            for j in 0..cols {
                if grid[i][j] != '1' {
                    continue;
                }
                count += 1;
                grid[i][j] = '0';
                stack.push((i, j));
                while let Some((a, b)) = stack.pop() {
                    if a > 0 && grid[a - 1][b] == '1' {
                        grid[a - 1][b] = '0';
                        stack.push((a - 1, b));
                    }
                    if a + 1 < rows && grid[a + 1][b] == '1' {
                        grid[a + 1][b] = '0';
                        stack.push((a + 1, b));
                    }
                    if b > 0 && grid[a][b - 1] == '1' {
                        grid[a][b - 1] = '0';
                        stack.push((a, b - 1));
                    }
                    if b + 1 < cols && grid[a][b + 1] == '1' {
                        grid[a][b + 1] = '0';
                        stack.push((a, b + 1));
                    }
                }
            }
        }
        count
    }
}
