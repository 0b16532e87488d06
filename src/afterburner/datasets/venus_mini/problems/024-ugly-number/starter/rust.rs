impl Solution {
    pub fn nth_ugly_number(n: i32) -> i64 {
        
    }
}
