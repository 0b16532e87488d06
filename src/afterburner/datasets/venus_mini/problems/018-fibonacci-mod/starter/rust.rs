use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace().map(|t| t.parse::<u64>().unwrap());
    let q = tokens.next().unwrap() as usize;
    let queries: Vec<u64> = tokens.take(q).collect();
    // print F(n) mod 1000000007 for every query, one per line
}
