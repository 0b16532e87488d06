"""Test generator for 027-course-schedule (function-style)."""
import random
from collections import deque

N_MAX = 3500


def _solve(n, pairs):
    adj = [[] for _ in range(n)]
    indeg = [0] * n
    for a, b in pairs:
        adj[b].append(a)
        indeg[a] += 1
    queue = deque(v for v in range(n) if indeg[v] == 0)
    taken = 0
    while queue:
        v = queue.popleft()
        taken += 1
        for w in adj[v]:
            indeg[w] -= 1
            if indeg[w] == 0:
                queue.append(w)
    return taken == n


def _make(rng, n, cyclic):
    order = list(range(n))
    rng.shuffle(order)  # order[i] may be taken before order[j] when i < j
    pairs = []
    # one long chain of dependencies through half of the courses
    chain = sorted(rng.sample(range(n), max(1, n // 2)))
    for x, y in zip(chain, chain[1:]):
        pairs.append((order[y], order[x]))
    # extra forward dependencies, mostly short-range
    for _ in range(2 * n):
        i = rng.randrange(n)
        j = min(n - 1, i + rng.randint(1, 50)) if rng.random() < 0.7 else rng.randrange(n)
        if i < j:
            pairs.append((order[j], order[i]))
        elif j < i:
            pairs.append((order[i], order[j]))
    if cyclic:
        kind = rng.randrange(3)
        if kind == 0 and len(chain) >= 2:
            # close a long cycle late in the chain
            x = chain[rng.randrange(len(chain) // 2, len(chain))]
            y = chain[-1]
            pairs.append((order[x], order[y]) if x != y else (order[x], order[x]))
        elif kind == 1:
            # a course that requires itself
            v = order[rng.randrange(n // 2, n)]
            pairs.append((v, v))
        else:
            # a short backward edge somewhere in the second half
            i = rng.randrange(n // 2, n)
            j = min(n - 1, i + rng.randint(1, 5))
            pairs.append((order[j], order[i]))
            pairs.append((order[i], order[j]))
    rng.shuffle(pairs)
    return pairs


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for k in range(num_cases):
        frac = (k + 1) / num_cases
        n = max(2, int(N_MAX * size * frac))
        cyclic = k % 2 == 1
        pairs = _make(rng, n, cyclic)
        text = "%d %d\n" % (n, len(pairs)) + "".join("%d %d\n" % p for p in pairs)
        cases.append({"input": text, "output": "true\n" if _solve(n, pairs) else "false\n"})
    return cases
