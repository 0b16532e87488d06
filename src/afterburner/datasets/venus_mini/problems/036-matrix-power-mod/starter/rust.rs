use std::io::{self, Read};

const MOD: u64 = 1_000_000_007;

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<u64>().unwrap());
    let m = it.next().unwrap() as usize;
    let p = it.next().unwrap();
    let a: Vec<Vec<u64>> = (0..m).map(|_| (0..m).map(|_| it.next().unwrap()).collect()).collect();
    // print the rows of A^p mod 1000000007
    let _ = (p, a, MOD);
}
