use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|x| x.parse::<u64>().unwrap());
    let q = it.next().unwrap() as usize;
    let m = it.next().unwrap();
    for _ in 0..q {
        let a = it.next().unwrap();
        let b = it.next().unwrap();
    }
    // print (a_1^b_1 + ... + a_q^b_q) mod m
}
