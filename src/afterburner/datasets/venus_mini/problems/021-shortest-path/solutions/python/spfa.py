# spfa: queue-based Bellman-Ford (SPFA), O(V*E) worst case, usually far less
import sys
from collections import deque


def main():
    data = sys.stdin.buffer.read().split()
    n, m, s = int(data[0]), int(data[1]), int(data[2])
    adj = [[] for _ in range(n)]
    pos = 3
    for _ in range(m):
        u, v, w = int(data[pos]), int(data[pos + 1]), int(data[pos + 2])
        pos += 3
        adj[u].append((v, w))
    dist = [-1] * n
    dist[s] = 0
    in_queue = [False] * n
    in_queue[s] = True
    queue = deque([s])
    while queue:
        u = queue.popleft()
        in_queue[u] = False
        du = dist[u]
        for v, w in adj[u]:
            nd = du + w
            if dist[v] < 0 or nd < dist[v]:
                dist[v] = nd
                if not in_queue[v]:
                    in_queue[v] = True
                    queue.append(v)
    print(" ".join(map(str, dist)))


main()
