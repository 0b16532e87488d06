// naive: O(N*sqrt(N)) trial division of every candidate by every integer up to its square root
use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let n: u64 = input.trim().parse().unwrap();
    let mut count = 0u64;
    let mut m = 2u64;
    while m < n {
        let mut prime = true;
        let mut d = 2u64;
        while d * d <= m {
            if m % d == 0 {
                prime = false;
                break;
            }
            d += 1;
        }
        if prime {
            count += 1;
        }
        m += 1;
    }
    println!("{}", count);
}
