// naive: O(n^2) time - insert intervals one by one, scanning every merged interval for overlaps and rebuilding the list
use std::io::{self, BufRead};

fn main() {
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    let n: usize = lines.next().unwrap().unwrap().trim().parse().unwrap();
    let mut merged: Vec<(i64, i64)> = Vec::new();
    for _ in 0..n {
        let line = lines.next().unwrap().unwrap();
        let v: Vec<i64> = line.split_whitespace().map(|t| t.parse().unwrap()).collect();
        let (mut l, mut r) = (v[0], v[1]);
        let mut rest: Vec<(i64, i64)> = Vec::new();
        for &(a, b) in merged.iter() {
            if a <= r && l <= b {
                l = l.min(a);
                r = r.max(b);
            } else {
                rest.push((a, b));
            }
        }
        rest.push((l, r));
        merged = rest;
    }
    merged.sort();
    println!("{}", merged.len());
    for (a, b) in merged {
        println!("{} {}", a, b);
    }
}
