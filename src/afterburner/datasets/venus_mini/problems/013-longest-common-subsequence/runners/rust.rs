struct Solution;

==Code Submission==

fn main() {
    use std::io::Read;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let text1 = tokens.next().unwrap().to_string();
    let text2 = tokens.next().unwrap().to_string();
    println!("{}", Solution::longest_common_subsequence(text1, text2));
}
