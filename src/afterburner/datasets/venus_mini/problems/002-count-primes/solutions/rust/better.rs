// better: O(N*sqrt(N)/log N) trial division by the primes found so far
use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let n: u64 = input.trim().parse().unwrap();
    let mut primes: Vec<u64> = Vec::new();
    for m in 2..n {
        let mut prime = true;
        for &p in primes.iter() {
            if p * p > m {
                break;
            }
            if m % p == 0 {
                prime = false;
                break;
            }
        }
        if prime {
            primes.push(m);
        }
    }
    println!("{}", primes.len());
}
