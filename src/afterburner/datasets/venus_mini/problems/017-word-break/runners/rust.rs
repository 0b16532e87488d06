struct Solution;

==Code Submission==

fn main() {
    use std::io::Read;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let s = tokens.next().unwrap().to_string();
    let m: usize = tokens.next().unwrap().parse().unwrap();
    let words: Vec<String> = (0..m).map(|_| tokens.next().unwrap().to_string()).collect();
    println!("{}", if Solution::word_break(s, words) { "true" } else { "false" });
}
