// naive: memoized recursion over (coin index, remainder) looping over every count of the coin, O(k * A^2 / c)
use std::collections::HashMap;
use std::io::Read;

const MOD: u64 = 1_000_000_007;

fn ways(i: usize, rem: usize, coins: &[usize], memo: &mut HashMap<(usize, usize), u64>) -> u64 {
    if i == coins.len() {
        return if rem == 0 { 1 } else { 0 };
    }
    if let Some(&v) = memo.get(&(i, rem)) {
        return v;
    }
    let mut total = 0u64;
    let mut used = 0usize;
    while used <= rem {
        total = (total + ways(i + 1, rem - used, coins, memo)) % MOD;
        used += coins[i];
    }
    memo.insert((i, rem), total);
    total
}

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace().map(|t| t.parse::<usize>().unwrap());
    let k = tokens.next().unwrap();
    let amount = tokens.next().unwrap();
    let coins: Vec<usize> = tokens.take(k).collect();
    let mut memo = HashMap::new();
    println!("{}", ways(0, amount, &coins, &mut memo));
}
