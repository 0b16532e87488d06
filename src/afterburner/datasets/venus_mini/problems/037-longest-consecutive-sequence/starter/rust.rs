impl Solution {
    pub fn longest_consecutive(nums: Vec<i32>) -> i32 {
        0
    }
}
