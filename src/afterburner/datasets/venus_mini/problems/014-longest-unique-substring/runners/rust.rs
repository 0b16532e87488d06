struct Solution;

==Code Submission==

fn main() {
    use std::io::Read;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let s = tokens.next().unwrap().to_string();
    println!("{}", Solution::length_of_longest_substring(s));
}
