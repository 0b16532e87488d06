struct Solution;

==Code Submission==

fn main() {
    use std::io::Read;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let n: usize = it.next().unwrap().parse().unwrap();
    let nums: Vec<i32> = (0..n).map(|_| it.next().unwrap().parse().unwrap()).collect();
    let res = Solution::product_except_self(nums);
    let parts: Vec<String> = res.iter().map(|v| v.to_string()).collect();
    println!("{}", parts.join(" "));
}
