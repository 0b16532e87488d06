// better: array-scan Dijkstra without a heap, O(V^2 + E)
use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let m = it.next().unwrap() as usize;
    let s = it.next().unwrap() as usize;
    let mut adj: Vec<Vec<(usize, i64)>> = vec![Vec::new(); n];
    for _ in 0..m {
        let u = it.next().unwrap() as usize;
        let v = it.next().unwrap() as usize;
        let w = it.next().unwrap();
        adj[u].push((v, w));
    }
    const INF: i64 = i64::MAX;
    let mut dist = vec![INF; n];
    let mut done = vec![false; n];
    dist[s] = 0;
    for _ in 0..n {
        let mut best: Option<usize> = None;
        for v in 0..n {
            if !done[v] && dist[v] != INF {
                match best {
                    Some(b) if dist[b] <= dist[v] => {}
                    _ => best = Some(v),
                }
            }
        }
        let u = match best {
            Some(u) => u,
            None => break,
        };
        done[u] = true;
        for &(v, w) in &adj[u] {
            if dist[u] + w < dist[v] {
                dist[v] = dist[u] + w;
            }
        }
    }
    let out: Vec<String> = dist
        .iter()
        .map(|&d| if d == INF { "-1".to_string() } else { d.to_string() })
        .collect();
    let stdout = io::stdout();
    let mut w = stdout.lock();
    writeln!(w, "{}", out.join(" ")).unwrap();
}
