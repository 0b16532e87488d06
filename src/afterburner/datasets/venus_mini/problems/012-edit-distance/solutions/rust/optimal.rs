// optimal: single rolling row over the shorter string, O(n*m) time, O(min(n,m)) memory
use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let mut a = tokens.next().unwrap().as_bytes();
    let mut b = tokens.next().unwrap().as_bytes();
    if b.len() > a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    let m = b.len();
    let mut row: Vec<usize> = (0..=m).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for j in 1..=m {
            let up = row[j];
            row[j] = if ca == b[j - 1] {
                diag
            } else {
                1 + up.min(row[j - 1]).min(diag)
            };
            diag = up;
        }
    }
    println!("{}", row[m]);
}
