impl Solution {
    pub fn min_path_sum(grid: Vec<Vec<i32>>) -> i32 {
        
    }
}
