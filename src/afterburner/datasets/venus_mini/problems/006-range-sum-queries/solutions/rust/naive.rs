// naive: O(n*q) add up every queried range element by element
use std::fmt::Write as FmtWrite;
use std::io::{Read, Write};

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let a: Vec<i64> = (0..n).map(|_| it.next().unwrap()).collect();
    let q = it.next().unwrap() as usize;
    let mut out = String::new();
    for _ in 0..q {
        let l = it.next().unwrap() as usize;
        let r = it.next().unwrap() as usize;
        let mut s = 0i64;
        for i in l..=r {
            s += a[i];
        }
        writeln!(out, "{}", s).unwrap();
    }
    std::io::stdout().write_all(out.as_bytes()).unwrap();
}
