// better: O((n + q) log n) Fenwick tree, each answer as two prefix queries
use std::fmt::Write as FmtWrite;
use std::io::{Read, Write};

fn prefix(tree: &[i64], mut i: usize) -> i64 {
    let mut s = 0i64;
    while i > 0 {
        s += tree[i];
        i &= i - 1;
    }
    s
}

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let mut tree = vec![0i64; n + 1];
    for i in 1..=n {
        tree[i] += it.next().unwrap();
        let j = i + (i & i.wrapping_neg());
        if j <= n {
            tree[j] += tree[i];
        }
    }
    let q = it.next().unwrap() as usize;
    let mut out = String::new();
    for _ in 0..q {
        let l = it.next().unwrap() as usize;
        let r = it.next().unwrap() as usize;
        writeln!(out, "{}", prefix(&tree, r + 1) - prefix(&tree, l)).unwrap();
    }
    std::io::stdout().write_all(out.as_bytes()).unwrap();
}
