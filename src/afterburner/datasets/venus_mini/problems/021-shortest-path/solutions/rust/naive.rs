// naive: Bellman-Ford over the edge list with early exit, O(V*E)
use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let m = it.next().unwrap() as usize;
    let s = it.next().unwrap() as usize;
    let mut edges = Vec::with_capacity(m);
    for _ in 0..m {
        let u = it.next().unwrap() as usize;
        let v = it.next().unwrap() as usize;
        let w = it.next().unwrap();
        edges.push((u, v, w));
    }
    const INF: i64 = i64::MAX;
    let mut dist = vec![INF; n];
    dist[s] = 0;
    for _ in 0..n.saturating_sub(1) {
        let mut changed = false;
        for &(u, v, w) in &edges {
            if dist[u] == INF {
                continue;
            }
            let nd = dist[u] + w;
            if nd < dist[v] {
                dist[v] = nd;
                changed = true;
            }
        }
        if !changed {
            break;
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
