// optimal: O(n + q) prefix sums, each answer is prefix[r+1] - prefix[l]
use std::fmt::Write as FmtWrite;
use std::io::{Read, Write};

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let mut prefix = vec![0i64; n + 1];
    for i in 0..n {
        prefix[i + 1] = prefix[i] + it.next().unwrap();
    }
    let q = it.next().unwrap() as usize;
    let mut out = String::new();
    for _ in 0..q {
        let l = it.next().unwrap() as usize;
        let r = it.next().unwrap() as usize;
        writeln!(out, "{}", prefix[r + 1] - prefix[l]).unwrap();
    }
    std::io::stdout().write_all(out.as_bytes()).unwrap();
}
