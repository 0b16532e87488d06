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
    let matrix: Vec<Vec<i32>> = (0..n).map(|_| (0..n).map(|_| it.next().unwrap()).collect()).collect();
    println!("{}", Solution::kth_smallest(matrix, k));
}
