// optimal: 1-D unbounded-knapsack counting, coins in the outer loop, O(k * A) time, O(A) memory
use std::io::Read;

fn main() {
    const MOD: u32 = 1_000_000_007;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace().map(|t| t.parse::<usize>().unwrap());
    let k = tokens.next().unwrap();
    let amount = tokens.next().unwrap();
    let mut ways = vec![0u32; amount + 1];
    ways[0] = 1;
    for _ in 0..k {
        let c = tokens.next().unwrap();
        for a in c..=amount {
            let mut v = ways[a] + ways[a - c];
            if v >= MOD {
                v -= MOD;
            }
            ways[a] = v;
        }
    }
    println!("{}", ways[amount]);
}
