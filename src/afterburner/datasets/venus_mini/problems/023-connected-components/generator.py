"""Test generator for 023-connected-components (program-style)."""
import random

N_MAX = 4000


def _solve(n, edges):
    parent = list(range(n))

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    comps = n
    out = []
    for u, v in edges:
        a, b = find(u), find(v)
        if a != b:
            parent[a] = b
            comps -= 1
        out.append(comps)
    return "\n".join(map(str, out)) + "\n"


def _make_edges(rng, n, kind):
    if kind == 0:
        # uniformly random pairs (self-loops and repeats allowed)
        m = max(1, 2 * n)
        return [(rng.randrange(n), rng.randrange(n)) for _ in range(m)]
    if kind == 1:
        # a few long random chains, edges shuffled, plus random extra edges
        order = list(range(n))
        rng.shuffle(order)
        edges = []
        for i in range(n - 1):
            if rng.random() < 0.98:
                edges.append((order[i], order[i + 1]))
        for _ in range(n // 2):
            edges.append((rng.randrange(n), rng.randrange(n)))
        rng.shuffle(edges)
        return edges or [(0, 0)]
    # local edges: nodes only link to nearby ids, so clusters grow slowly
    m = max(1, 2 * n)
    edges = []
    for _ in range(m):
        u = rng.randrange(n)
        v = min(n - 1, max(0, u + rng.randint(-5, 5)))
        edges.append((u, v))
    return edges


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for k in range(num_cases):
        frac = (k + 1) / num_cases
        n = max(1, int(N_MAX * size * frac))
        edges = _make_edges(rng, n, k % 3)
        text = "%d %d\n" % (n, len(edges)) + "".join("%d %d\n" % e for e in edges)
        cases.append({"input": text, "output": _solve(n, edges)})
    return cases
