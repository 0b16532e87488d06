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
    let n = it.next().unwrap();
    let m = it.next().unwrap() as usize;
    let prerequisites: Vec<Vec<i32>> = (0..m)
        .map(|_| {
            let a = it.next().unwrap();
            let b = it.next().unwrap();
            vec![a, b]
        })
        .collect();
    println!("{}", if Solution::can_finish(n, prerequisites) { "true" } else { "false" });
}
