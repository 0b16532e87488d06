// optimal: O(n) time, O(1) extra memory - two pointers moving inward from the lower side
impl Solution {
    pub fn trap(height: Vec<i32>) -> i64 {
        if height.is_empty() {
            return 0;
        }
        let (mut i, mut j) = (0usize, height.len() - 1);
        let (mut left_max, mut right_max) = (0i32, 0i32);
        let mut total: i64 = 0;
        while i < j {
            if height[i] < height[j] {
                if height[i] > left_max {
                    left_max = height[i];
                } else {
                    total += (left_max - height[i]) as i64;
                }
                i += 1;
            } else {
                if height[j] > right_max {
                    right_max = height[j];
                } else {
                    total += (right_max - height[j]) as i64;
                }
                j -= 1;
            }
        }
        total
    }
}
