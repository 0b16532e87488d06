// better: union-find over land cells with path halving and union by size, O(R*C * alpha)
impl Solution {
    fn find(parent: &mut Vec<usize>, mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }

    pub fn num_islands(grid: Vec<Vec<char>>) -> i32 {
        let rows = grid.len();
        let cols = grid[0].len();
        let mut parent: Vec<usize> = (0..rows * cols).collect();
        let mut size = vec![1usize; rows * cols];
        let mut count: i32 = 0;
        for i in 0..rows {
            for j in 0..cols {
                if grid[i][j] != '1' {
                    continue;
                }
                count += 1;
                let idx = i * cols + j;
                let mut neighbours = Vec::with_capacity(2);
                if i > 0 && grid[i - 1][j] == '1' {
                    neighbours.push(idx - cols);
                }
                if j > 0 && grid[i][j - 1] == '1' {
                    neighbours.push(idx - 1);
                }
                for nb in neighbours {
                    let mut a = Self::find(&mut parent, idx);
                    let mut b = Self::find(&mut parent, nb);
                    if a == b {
                        continue;
                    }
                    if size[a] < size[b] {
                        std::mem::swap(&mut a, &mut b);
                    }
                    parent[b] = a;
                    size[a] += size[b];
                    count -= 1;
                }
            }
        }
        count
    }
}
