use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let text = tokens.next().unwrap().as_bytes();
    let pattern = tokens.next().unwrap().as_bytes();
    // print the number of (possibly overlapping) occurrences of pattern in text
}
