// better: O(n) time, O(n) memory - prefix-maximum and suffix-maximum arrays
impl Solution {
    pub fn trap(height: Vec<i32>) -> i64 {
        let n = height.len();
        let mut left = vec![0i32; n];
        let mut right = vec![0i32; n];
        let mut best = 0;
        for i in 0..n {
            best = best.max(height[i]);
            left[i] = best;
        }
        best = 0;
        for i in (0..n).rev() {
            best = best.max(height[i]);
            right[i] = best;
        }
        let mut total: i64 = 0;
        for i in 0..n {
            total += (left[i].min(right[i]) - height[i]) as i64;
        }
        total
    }
}
