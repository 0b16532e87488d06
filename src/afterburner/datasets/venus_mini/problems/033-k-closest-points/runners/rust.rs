#![allow(unused_imports, dead_code)]
use std::cmp::*;
use std::collections::*;
use std::io::prelude::*;

struct Solution;
==Code Submission==

fn main() {
    let mut runner_input = String::new();
    std::io::stdin().read_to_string(&mut runner_input).unwrap();
    let mut runner_it = runner_input.split_ascii_whitespace().map(|t| t.parse::<i32>().unwrap());
    let n = runner_it.next().unwrap() as usize;
    let k = runner_it.next().unwrap();
    let points: Vec<Vec<i32>> = (0..n)
        .map(|_| {
            let x = runner_it.next().unwrap();
            let y = runner_it.next().unwrap();
            vec![x, y]
        })
        .collect();
    let res = Solution::k_closest(points, k);
    let mut runner_out = String::new();
    for p in res.iter() {
        runner_out.push_str(&format!("{} {}\n", p[0], p[1]));
    }
    std::io::stdout().write_all(runner_out.as_bytes()).unwrap();
}
