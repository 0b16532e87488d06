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
    let n = it.next().unwrap() as usize;
    let k = it.next().unwrap();
    let nums: Vec<i32> = (0..n).map(|_| it.next().unwrap()).collect();
    let result = Solution::max_sliding_window(nums, k);
    let out: Vec<String> = result.iter().map(|v| v.to_string()).collect();
    let stdout = io::stdout();
    let mut w = stdout.lock();
    writeln!(w, "{}", out.join(" ")).unwrap();
}
