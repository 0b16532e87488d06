// naive: O(n^2) time - for every left edge extend to the right keeping the running minimum height
use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let v: Vec<i64> = input.split_whitespace().map(|t| t.parse().unwrap()).collect();
    let n = v[0] as usize;
    let h = &v[1..=n];
    let mut best: i64 = 0;
    for i in 0..n {
        let mut low = h[i];
        for j in i..n {
            low = low.min(h[j]);
            best = best.max(low * (j - i + 1) as i64);
        }
    }
    println!("{}", best);
}
