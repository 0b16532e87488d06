// naive: repeated min-label propagation sweeps until nothing changes, O(R*C*D) for island diameter D
impl Solution {
    pub fn num_islands(grid: Vec<Vec<char>>) -> i32 {
        let rows = grid.len();
        let cols = grid[0].len();
        let mut label: Vec<Vec<i64>> = (0..rows)
            .map(|i| (0..cols).map(|j| if grid[i][j] == '1' { (i * cols + j) as i64 } else { -1 }).collect())
            .collect();
        let mut changed = true;
        while changed {
            changed = false;
            let mut next = label.clone();
            for i in 0..rows {
                for j in 0..cols {
                    let cur = label[i][j];
                    if cur < 0 {
                        continue;
                    }
                    let mut best = cur;
                    if i > 0 && label[i - 1][j] >= 0 && label[i - 1][j] < best {
                        best = label[i - 1][j];
                    }
                    if i + 1 < rows && label[i + 1][j] >= 0 && label[i + 1][j] < best {
                        best = label[i + 1][j];
                    }
                    if j > 0 && label[i][j - 1] >= 0 && label[i][j - 1] < best {
                        best = label[i][j - 1];
                    }
                    if j + 1 < cols && label[i][j + 1] >= 0 && label[i][j + 1] < best {
                        best = label[i][j + 1];
                    }
                    if best != cur {
                        next[i][j] = best;
                        changed = true;
                    }
                }
            }
            label = next;
        }
        let mut count = 0;
        for i in 0..rows {
            for j in 0..cols {
                if label[i][j] == (i * cols + j) as i64 {
                    count += 1;
                }
            }
        }
        count
    }
}
