// better: O(n^2) time, O(n^2) memory interval DP table
impl Solution {
    pub fn longest_palindrome_length(s: String) -> i32 {
        let b = s.as_bytes();
        let n = b.len();
        let mut pal = vec![vec![false; n]; n];
        let mut best = 1usize;
        for i in (0..n).rev() {
            pal[i][i] = true;
            for j in i + 1..n {
                if b[i] == b[j] && (j - i < 3 || pal[i + 1][j - 1]) {
                    pal[i][j] = true;
                    best = best.max(j - i + 1);
                }
            }
        }
        best as i32
    }
}
