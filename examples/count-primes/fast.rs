// Count the primes below N with a sieve of Eratosthenes.
use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let n: usize = input.trim().parse().unwrap();
    let mut composite = vec![false; n + 1];
    let mut count = 0;
    for i in 2..n {
        if composite[i] {
            continue;
        }
        count += 1;
        let mut j = i * i;
        while j < n {
            composite[j] = true;
            j += i;
        }
    }
    println!("{}", count);
}
