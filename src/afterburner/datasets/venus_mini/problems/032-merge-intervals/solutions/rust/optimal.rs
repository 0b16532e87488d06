// optimal: O(n log n) time - pack each interval into one u64 key, sort_unstable, merge; byte-level parsing, one output write
use std::io::{self, Read, Write};

fn main() {
    let mut input = Vec::new();
    io::stdin().read_to_end(&mut input).unwrap();
    let mut pos = 0usize;
    let mut next = || -> u64 {
        while pos < input.len() && !input[pos].is_ascii_digit() {
            pos += 1;
        }
        let mut v = 0u64;
        while pos < input.len() && input[pos].is_ascii_digit() {
            v = v * 10 + (input[pos] - b'0') as u64;
            pos += 1;
        }
        v
    };
    let n = next() as usize;
    let mut keys: Vec<u64> = Vec::with_capacity(n);
    for _ in 0..n {
        let l = next();
        let r = next();
        keys.push((l << 30) | r);
    }
    keys.sort_unstable();
    let mask = (1u64 << 30) - 1;
    let mut body = String::with_capacity(24 * n + 16);
    let mut m = 0usize;
    let (mut cl, mut cr) = (keys[0] >> 30, keys[0] & mask);
    for &k in &keys[1..] {
        let (l, r) = (k >> 30, k & mask);
        if l <= cr {
            if r > cr {
                cr = r;
            }
        } else {
            body.push_str(&format!("{} {}\n", cl, cr));
            m += 1;
            cl = l;
            cr = r;
        }
    }
    body.push_str(&format!("{} {}\n", cl, cr));
    m += 1;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    write!(out, "{}\n{}", m, body).unwrap();
}
