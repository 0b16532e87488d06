// better: full 2-D table over (coins used so far, amount), O(k * A) time and memory
use std::io::Read;

fn main() {
    const MOD: u64 = 1_000_000_007;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace().map(|t| t.parse::<usize>().unwrap());
    let k = tokens.next().unwrap();
    let amount = tokens.next().unwrap();
    let coins: Vec<usize> = tokens.take(k).collect();
    let mut table = vec![vec![0u64; amount + 1]; k + 1];
    table[0][0] = 1;
    for i in 1..=k {
        let c = coins[i - 1];
        for a in 0..=amount {
            let mut v = table[i - 1][a];
            if a >= c {
                v += table[i][a - c];
            }
            table[i][a] = v % MOD;
        }
    }
    println!("{}", table[k][amount]);
}
