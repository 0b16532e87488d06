// naive: O(n^3) check every substring with two pointers
impl Solution {
    pub fn longest_palindrome_length(s: String) -> i32 {
        let b = s.as_bytes();
        let n = b.len();
        let mut best = 0usize;
        for i in 0..n {
            for j in i..n {
                let (mut lo, mut hi) = (i, j);
                while lo < hi && b[lo] == b[hi] {
                    lo += 1;
                    hi -= 1;
                }
                if lo >= hi && j - i + 1 > best {
                    best = j - i + 1;
                }
            }
        }
        best as i32
    }
}
