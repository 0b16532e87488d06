// naive: count the divisors of every i by trial division up to sqrt(i), O(N sqrt N)
use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let n: i64 = input.trim().parse().unwrap();
    let mut total: i64 = 0;
    for i in 1..=n {
        let mut d: i64 = 1;
        while d * d < i {
            if i % d == 0 {
                total += 2;
            }
            d += 1;
        }
        if d * d == i {
            total += 1;
        }
    }
    println!("{}", total);
}
