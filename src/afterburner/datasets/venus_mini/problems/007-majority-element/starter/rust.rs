impl Solution {
    pub fn majority_element(nums: Vec<i32>) -> i32 {
        
    }
}
