struct Solution;

==Code Submission==

fn main() {
    use std::io::Read;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace().map(|t| t.parse::<i32>().unwrap());
    let r = tokens.next().unwrap() as usize;
    let c = tokens.next().unwrap() as usize;
    let grid: Vec<Vec<i32>> = (0..r).map(|_| (0..c).map(|_| tokens.next().unwrap()).collect()).collect();
    println!("{}", Solution::min_path_sum(grid));
}
