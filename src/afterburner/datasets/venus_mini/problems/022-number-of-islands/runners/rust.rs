#![allow(unused_imports, dead_code)]
use std::cmp::*;
use std::collections::*;
use std::io::{self, Read, Write};

struct Solution;

==Code Submission==

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let r: usize = it.next().unwrap().parse().unwrap();
    let _c: usize = it.next().unwrap().parse().unwrap();
    let grid: Vec<Vec<char>> = (0..r).map(|_| it.next().unwrap().chars().collect()).collect();
    println!("{}", Solution::num_islands(grid));
}
