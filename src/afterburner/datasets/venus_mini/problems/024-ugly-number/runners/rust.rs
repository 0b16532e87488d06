#![allow(unused_imports, dead_code)]
use std::cmp::*;
use std::collections::*;
use std::io::{self, Read, Write};

struct Solution;

==Code Submission==

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|x| x.parse::<i32>().unwrap());
    let q = it.next().unwrap() as usize;
    let mut out = String::new();
    for _ in 0..q {
        let n = it.next().unwrap();
        out.push_str(&Solution::nth_ugly_number(n).to_string());
        out.push('\n');
    }
    io::stdout().write_all(out.as_bytes()).unwrap();
}
