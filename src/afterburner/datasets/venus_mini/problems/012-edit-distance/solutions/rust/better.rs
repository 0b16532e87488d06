// better: bottom-up full (n+1)x(m+1) table, O(n*m) time and memory
use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let a = tokens.next().unwrap().as_bytes();
    let b = tokens.next().unwrap().as_bytes();
    let (n, m) = (a.len(), b.len());
    let mut dp = vec![vec![0usize; m + 1]; n + 1];
    for j in 0..=m {
        dp[0][j] = j;
    }
    for i in 1..=n {
        dp[i][0] = i;
        for j in 1..=m {
            dp[i][j] = if a[i - 1] == b[j - 1] {
                dp[i - 1][j - 1]
            } else {
                1 + dp[i - 1][j].min(dp[i][j - 1]).min(dp[i - 1][j - 1])
            };
        }
    }
    println!("{}", dp[n][m]);
}
