// better: divisor-count sieve, add 1 to every multiple of every d, O(N log N) time, O(N) memory
use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let n: usize = input.trim().parse().unwrap();
    let mut cnt = vec![0u32; n + 1];
    for d in 1..=n {
        let mut k = d;
        while k <= n {
            cnt[k] += 1;
            k += d;
        }
    }
    let total: u64 = cnt.iter().map(|&c| c as u64).sum();
    println!("{}", total);
}
