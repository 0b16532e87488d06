// optimal: O(n) Manacher's algorithm over the separator-padded string
impl Solution {
    pub fn longest_palindrome_length(s: String) -> i32 {
        let b = s.as_bytes();
        let n = b.len();
        let m = 2 * n + 3;
        let mut t = vec![b'#'; m];
        t[0] = b'^';
        t[m - 1] = b'$';
        for i in 0..n {
            t[2 * i + 2] = b[i];
        }
        let mut rad = vec![0usize; m];
        let (mut center, mut right, mut best) = (0usize, 0usize, 0usize);
        for i in 1..m - 1 {
            let mut r = 0usize;
            if i < right {
                r = (right - i).min(rad[2 * center - i]);
            }
            while t[i + r + 1] == t[i - r - 1] {
                r += 1;
            }
            rad[i] = r;
            if i + r > right {
                center = i;
                right = i + r;
            }
            best = best.max(r);
        }
        best as i32
    }
}
