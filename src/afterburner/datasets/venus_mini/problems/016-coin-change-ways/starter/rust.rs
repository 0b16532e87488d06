use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace().map(|t| t.parse::<usize>().unwrap());
    let k = tokens.next().unwrap();
    let amount = tokens.next().unwrap();
    let coins: Vec<usize> = tokens.take(k).collect();
    // print the number of ways to pay amount, modulo 1000000007
}
