# naive: Bellman-Ford over the edge list with early exit, O(V*E)
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m, s = int(data[0]), int(data[1]), int(data[2])
    us = [int(x) for x in data[3:3 + 3 * m:3]]
    vs = [int(x) for x in data[4:4 + 3 * m:3]]
    ws = [int(x) for x in data[5:5 + 3 * m:3]]
    INF = float("inf")
    dist = [INF] * n
    dist[s] = 0
    for _ in range(n - 1):
        changed = False
        for i in range(m):
            du = dist[us[i]]
            if du != INF:
                nd = du + ws[i]
                if nd < dist[vs[i]]:
                    dist[vs[i]] = nd
                    changed = True
        if not changed:
            break
    print(" ".join(str(d) if d != INF else "-1" for d in dist))


main()
