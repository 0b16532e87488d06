# lean: heap Dijkstra on a compact CSR graph in array('q') buffers, heap keys packed as d*n+v ints, O((V + E) log V)
import sys
from array import array
from heapq import heappop, heappush


def main():
    data = sys.stdin.buffer.read().split()
    n, m, s = int(data[0]), int(data[1]), int(data[2])
    start = array("q", bytes(8 * (n + 1)))
    for i in range(3, 3 + 3 * m, 3):
        start[int(data[i]) + 1] += 1
    for v in range(n):
        start[v + 1] += start[v]
    fill = array("q", start)
    to = array("q", bytes(8 * m))
    wt = array("q", bytes(8 * m))
    for i in range(3, 3 + 3 * m, 3):
        u = int(data[i])
        k = fill[u]
        fill[u] = k + 1
        to[k] = int(data[i + 1])
        wt[k] = int(data[i + 2])
    del data, fill
    dist = array("q", [-1]) * n
    dist[s] = 0
    heap = [s]
    while heap:
        key = heappop(heap)
        d, u = divmod(key, n)
        if d != dist[u]:
            continue
        for k in range(start[u], start[u + 1]):
            v = to[k]
            nd = d + wt[k]
            dv = dist[v]
            if dv < 0 or nd < dv:
                dist[v] = nd
                heappush(heap, nd * n + v)
    sys.stdout.write(" ".join(map(str, dist)) + "\n")


main()
