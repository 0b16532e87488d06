// better: O(n log n) expected, O(n^2) worst time - divide and conquer around the lowest bar (recursive, linear min scan)
use std::io::{self, Read};

fn solve(h: &[i64]) -> i64 {
    if h.is_empty() {
        return 0;
    }
    let mut m = 0;
    for i in 1..h.len() {
        if h[i] < h[m] {
            m = i;
        }
    }
    let here = h[m] * h.len() as i64;
    here.max(solve(&h[..m])).max(solve(&h[m + 1..]))
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let h: Vec<i64> = (0..n).map(|_| it.next().unwrap()).collect();
    println!("{}", solve(&h));
}
