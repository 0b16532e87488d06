use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|x| x.parse::<usize>().unwrap());
    let n = it.next().unwrap();
    let m = it.next().unwrap();
    let out = io::stdout();
    let mut out = out.lock();
    for _ in 0..m {
        let u = it.next().unwrap();
        let v = it.next().unwrap();
        // print the number of components after this edge
    }
    out.flush().unwrap();
}
