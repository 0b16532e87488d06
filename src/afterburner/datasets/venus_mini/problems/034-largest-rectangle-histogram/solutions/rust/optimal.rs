// optimal: O(n) time - single pass with a monotonic stack of indices; byte-level parsing
use std::io::{self, Read};

fn main() {
    let mut input = Vec::new();
    io::stdin().read_to_end(&mut input).unwrap();
    let mut nums = Vec::new();
    let mut cur: i64 = 0;
    let mut in_num = false;
    for &b in &input {
        if b.is_ascii_digit() {
            cur = cur * 10 + (b - b'0') as i64;
            in_num = true;
        } else if in_num {
            nums.push(cur);
            cur = 0;
            in_num = false;
        }
    }
    if in_num {
        nums.push(cur);
    }
    let n = nums[0] as usize;
    let mut h: Vec<i64> = nums[1..=n].to_vec();
    h.push(0);
    let mut st: Vec<usize> = Vec::with_capacity(n + 1);
    let mut best: i64 = 0;
    for i in 0..=n {
        while let Some(&top) = st.last() {
            if h[top] < h[i] {
                break;
            }
            st.pop();
            let left = match st.last() {
                Some(&l) => l as i64,
                None => -1,
            };
            let area = h[top] * (i as i64 - left - 1);
            if area > best {
                best = area;
            }
        }
        st.push(i);
    }
    println!("{}", best);
}
