// optimal: O(N log log N) sieve of Eratosthenes
use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let n: usize = input.trim().parse().unwrap();
    let mut count = 0usize;
    if n >= 3 {
        let mut composite = vec![false; n];
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
    }
    println!("{}", count);
}
