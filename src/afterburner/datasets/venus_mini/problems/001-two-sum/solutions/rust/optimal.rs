// optimal: O(n) one pass, HashMap from value to its first index
use std::collections::HashMap;

impl Solution {
    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {
        let mut seen: HashMap<i64, i32> = HashMap::with_capacity(nums.len() * 2);
        for (j, &v) in nums.iter().enumerate() {
            if let Some(&i) = seen.get(&(target as i64 - v as i64)) {
                return vec![i, j as i32];
            }
            seen.entry(v as i64).or_insert(j as i32);
        }
        vec![]
    }
}
