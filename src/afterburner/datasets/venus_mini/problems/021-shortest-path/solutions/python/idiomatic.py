# idiomatic: dict-of-lists graph with heapq Dijkstra and a dict of settled distances, O((V + E) log V)
import sys
from collections import defaultdict
from heapq import heappop, heappush


def main():
    tokens = iter(sys.stdin.read().split())
    n, m, s = int(next(tokens)), int(next(tokens)), int(next(tokens))
    graph = defaultdict(list)
    for _ in range(m):
        u, v, w = int(next(tokens)), int(next(tokens)), int(next(tokens))
        graph[u].append((v, w))
    settled = {}
    heap = [(0, s)]
    while heap:
        d, u = heappop(heap)
        if u in settled:
            continue
        settled[u] = d
        for v, w in graph[u]:
            if v not in settled:
                heappush(heap, (d + w, v))
    print(" ".join(str(settled.get(v, -1)) for v in range(n)))


main()
