// optimal: Dirichlet hyperbola, D(N) = 2 * sum_{i <= r} floor(N / i) - r^2 with r = isqrt(N), O(sqrt N)
use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let n: i64 = input.trim().parse().unwrap();
    let mut r = (n as f64).sqrt() as i64;
    while r * r > n {
        r -= 1;
    }
    while (r + 1) * (r + 1) <= n {
        r += 1;
    }
    let total: i64 = (1..=r).map(|i| n / i).sum();
    println!("{}", 2 * total - r * r);
}
