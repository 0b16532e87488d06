use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let a = tokens.next().unwrap().as_bytes();
    let b = tokens.next().unwrap().as_bytes();
    // compute and print the edit distance between a and b
}
