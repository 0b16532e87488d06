#![allow(unused_imports, dead_code)]
use std::cmp::*;
use std::collections::*;
use std::io::prelude::*;

struct Solution;
==Code Submission==

fn main() {
    let mut runner_input = String::new();
    std::io::stdin().read_to_string(&mut runner_input).unwrap();
    let mut runner_it = runner_input.split_ascii_whitespace();
    let n: usize = runner_it.next().unwrap().parse().unwrap();
    let k: i32 = runner_it.next().unwrap().parse().unwrap();
    let nums: Vec<i32> = (0..n).map(|_| runner_it.next().unwrap().parse().unwrap()).collect();
    let ans = Solution::subarray_sum(nums, k);
    println!("{}", ans);
}
