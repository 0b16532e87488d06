// naive: top-down recursion memoized in a HashMap, O(n*m) states with hashing overhead
use std::collections::HashMap;
use std::io::Read;

fn dist(a: &[u8], b: &[u8], i: usize, j: usize, memo: &mut HashMap<(usize, usize), usize>) -> usize {
    if i == a.len() {
        return b.len() - j;
    }
    if j == b.len() {
        return a.len() - i;
    }
    if let Some(&v) = memo.get(&(i, j)) {
        return v;
    }
    let res = if a[i] == b[j] {
        dist(a, b, i + 1, j + 1, memo)
    } else {
        let x = dist(a, b, i + 1, j, memo);
        let y = dist(a, b, i, j + 1, memo);
        let z = dist(a, b, i + 1, j + 1, memo);
        1 + x.min(y).min(z)
    };
    memo.insert((i, j), res);
    res
}

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let a = tokens.next().unwrap().as_bytes();
    let b = tokens.next().unwrap().as_bytes();
    let mut memo = HashMap::new();
    println!("{}", dist(a, b, 0, 0, &mut memo));
}
