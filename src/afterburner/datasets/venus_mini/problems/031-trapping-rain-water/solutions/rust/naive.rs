// naive: O(n^2) time - for every bar rescan both sides for their tallest bar
impl Solution {
    pub fn trap(height: Vec<i32>) -> i64 {
        let n = height.len();
        let mut total: i64 = 0;
        for i in 0..n {
            let left = *height[..=i].iter().max().unwrap();
            let right = *height[i..].iter().max().unwrap();
            total += (left.min(right) - height[i]) as i64;
        }
        total
    }
}
