# lowlevel: Dijkstra with a hand-written indexed binary heap (decrease-key), O((V + E) log V) in pure loops
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m, s = int(data[0]), int(data[1]), int(data[2])
    head = [-1] * n
    nxt = [0] * m
    to = [0] * m
    wt = [0] * m
    p = 3
    e = 0
    while e < m:
        u = int(data[p])
        to[e] = int(data[p + 1])
        wt[e] = int(data[p + 2])
        nxt[e] = head[u]
        head[u] = e
        p += 3
        e += 1
    dist = [-1] * n
    where = [-1] * n  # position in heap, -1 = never queued, -2 = settled
    heap = [0] * n
    size = 0
    dist[s] = 0
    heap[0] = s
    where[s] = 0
    size = 1
    while size > 0:
        u = heap[0]
        where[u] = -2
        size -= 1
        if size > 0:
            # move last to root and sift down
            x = heap[size]
            dx = dist[x]
            i = 0
            while True:
                c = 2 * i + 1
                if c >= size:
                    break
                if c + 1 < size and dist[heap[c + 1]] < dist[heap[c]]:
                    c += 1
                if dist[heap[c]] >= dx:
                    break
                heap[i] = heap[c]
                where[heap[i]] = i
                i = c
            heap[i] = x
            where[x] = i
        du = dist[u]
        e = head[u]
        while e != -1:
            v = to[e]
            pv = where[v]
            if pv != -2:
                nd = du + wt[e]
                if pv == -1 or nd < dist[v]:
                    dist[v] = nd
                    if pv == -1:
                        i = size
                        size += 1
                    else:
                        i = pv
                    # sift up
                    while i > 0:
                        par = (i - 1) >> 1
                        y = heap[par]
                        if dist[y] <= nd:
                            break
                        heap[i] = y
                        where[y] = i
                        i = par
                    heap[i] = v
                    where[v] = i
            e = nxt[e]
    sys.stdout.write(" ".join(map(str, dist)) + "\n")


main()
