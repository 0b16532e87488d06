use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let cap = it.next().unwrap() as usize;
    let items: Vec<(usize, i64)> = (0..n).map(|_| (it.next().unwrap() as usize, it.next().unwrap())).collect();
    // print the largest total worth that fits into the capacity
    let _ = (cap, items);
}
