// optimal: Dijkstra with BinaryHeap (Reverse keys) and lazy deletion over CSR arrays, O((V + E) log V)
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{self, Read, Write};

fn main() {
    let mut input = Vec::new();
    io::stdin().read_to_end(&mut input).unwrap();
    let mut pos = 0usize;
    let mut next = || -> i64 {
        while pos < input.len() && !input[pos].is_ascii_digit() {
            pos += 1;
        }
        let mut x: i64 = 0;
        while pos < input.len() && input[pos].is_ascii_digit() {
            x = x * 10 + (input[pos] - b'0') as i64;
            pos += 1;
        }
        x
    };
    let n = next() as usize;
    let m = next() as usize;
    let s = next() as usize;
    let mut eu = vec![0usize; m];
    let mut ev = vec![0u32; m];
    let mut ew = vec![0i64; m];
    let mut start = vec![0usize; n + 1];
    for i in 0..m {
        eu[i] = next() as usize;
        ev[i] = next() as u32;
        ew[i] = next();
        start[eu[i] + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start[..n].to_vec();
    let mut to = vec![0u32; m];
    let mut wt = vec![0i64; m];
    for i in 0..m {
        let k = fill[eu[i]];
        fill[eu[i]] += 1;
        to[k] = ev[i];
        wt[k] = ew[i];
    }
    let mut dist = vec![-1i64; n];
    dist[s] = 0;
    let mut heap = BinaryHeap::new();
    heap.push(Reverse((0i64, s as u32)));
    while let Some(Reverse((d, u))) = heap.pop() {
        let u = u as usize;
        if d != dist[u] {
            continue;
        }
        for k in start[u]..start[u + 1] {
            let v = to[k] as usize;
            let nd = d + wt[k];
            if dist[v] < 0 || nd < dist[v] {
                dist[v] = nd;
                heap.push(Reverse((nd, v as u32)));
            }
        }
    }
    let out: Vec<String> = dist.iter().map(|d| d.to_string()).collect();
    let stdout = io::stdout();
    let mut w = stdout.lock();
    writeln!(w, "{}", out.join(" ")).unwrap();
}
