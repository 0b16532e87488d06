"""Test generator for 021-shortest-path (program-style)."""
import heapq
import random

N_MAX = 2000
AVG_OUT_DEGREE = 8
W_MAX = 10 ** 6


def _solve(n, s, edges):
    adj = [[] for _ in range(n)]
    for u, v, w in edges:
        adj[u].append((v, w))
    dist = [-1] * n
    dist[s] = 0
    heap = [(0, s)]
    done = [False] * n
    while heap:
        d, u = heapq.heappop(heap)
        if done[u]:
            continue
        done[u] = True
        for v, w in adj[u]:
            nd = d + w
            if dist[v] < 0 or nd < dist[v]:
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return " ".join(map(str, dist))


def _make_case(rng, n):
    s = rng.randrange(n)
    others = [v for v in range(n) if v != s]
    rng.shuffle(others)
    # a few nodes nothing reachable points to
    n_unreach = len(others) // 20
    unreach = others[:n_unreach]
    reach = [s] + others[n_unreach:]
    edges = []
    # a cheap chain through part of the reachable nodes: shortest paths get many hops
    chain_len = max(1, len(reach) // 3)
    chain = [s] + rng.sample(reach[1:], min(chain_len, len(reach) - 1))
    for a, b in zip(chain, chain[1:]):
        edges.append((a, b, rng.randint(0, 9)))
    m_target = AVG_OUT_DEGREE * n
    while len(edges) < m_target:
        if unreach and rng.random() < 0.05:
            # edges among the unreachable nodes keep them unreachable
            u = unreach[rng.randrange(len(unreach))]
            v = unreach[rng.randrange(len(unreach))]
        else:
            u = rng.randrange(n)
            v = reach[rng.randrange(len(reach))]
        edges.append((u, v, rng.randint(W_MAX // 100, W_MAX)))
    rng.shuffle(edges)
    return n, s, edges


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for i in range(num_cases):
        frac = (i + 1) / num_cases
        n = max(2, int(N_MAX * size * frac))
        n, s, edges = _make_case(rng, n)
        lines = ["%d %d %d" % (n, len(edges), s)]
        lines.extend("%d %d %d" % e for e in edges)
        cases.append({"input": "\n".join(lines) + "\n", "output": _solve(n, s, edges)})
    return cases
