impl Solution {
    pub fn longest_palindrome_length(s: String) -> i32 {
        
    }
}
