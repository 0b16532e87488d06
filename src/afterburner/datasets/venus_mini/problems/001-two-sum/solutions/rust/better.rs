// better: O(n log n) sort the indices by value, then close in with two pointers
impl Solution {
    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {
        let mut order: Vec<usize> = (0..nums.len()).collect();
        order.sort_unstable_by_key(|&k| nums[k]);
        let (mut lo, mut hi) = (0usize, order.len() - 1);
        while lo < hi {
            let s = nums[order[lo]] as i64 + nums[order[hi]] as i64;
            if s == target as i64 {
                let (i, j) = (order[lo].min(order[hi]), order[lo].max(order[hi]));
                return vec![i as i32, j as i32];
            }
            if s < target as i64 {
                lo += 1;
            } else {
                hi -= 1;
            }
        }
        vec![]
    }
}
