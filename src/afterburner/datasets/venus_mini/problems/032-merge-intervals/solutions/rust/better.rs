// better: O(n log n) time - stable sort of (l, r) tuples, merge in one pass, buffered output
use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let mut iv: Vec<(i64, i64)> = (0..n).map(|_| (it.next().unwrap(), it.next().unwrap())).collect();
    iv.sort();
    let mut res: Vec<(i64, i64)> = Vec::new();
    for (l, r) in iv {
        match res.last_mut() {
            Some(last) if l <= last.1 => {
                if r > last.1 {
                    last.1 = r;
                }
            }
            _ => res.push((l, r)),
        }
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "{}", res.len()).unwrap();
    for (l, r) in res {
        writeln!(out, "{} {}", l, r).unwrap();
    }
}
