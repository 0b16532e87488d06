# lean: O(p * m^3) time, constant extra memory - repeated multiplication into two reused flat buffers, one reduction per entry
import sys

MOD = 1_000_000_007


def main():
    data = sys.stdin.buffer.read().split()
    m, p = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + m * m]]
    cur = [0] * (m * m)
    for i in range(m):
        cur[i * m + i] = 1
    nxt = [0] * (m * m)
    rows = range(m)
    for _ in range(p):
        for i in rows:
            base = i * m
            for j in rows:
                s = 0
                for t in rows:
                    s += cur[base + t] * a[t * m + j]
                nxt[base + j] = s % MOD
        cur, nxt = nxt, cur
    out = []
    for i in range(m):
        out.append(" ".join(map(str, cur[i * m:(i + 1) * m])))
    sys.stdout.write("\n".join(out) + "\n")


main()
