"""Test generator for 006-range-sum-queries."""
import random
from itertools import accumulate

MAX_N = 12000
MAX_Q = 2500
LIM = 10**9


def _solve(a, queries):
    prefix = [0]
    prefix.extend(accumulate(a))
    return [prefix[r + 1] - prefix[l] for l, r in queries]


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        frac = size * (c + 1) / num_cases
        n = max(1, int(MAX_N * frac))
        q = max(1, int(MAX_Q * frac))
        a = [rng.randint(-LIM, LIM) for _ in range(n)]
        queries = []
        for _ in range(q):
            roll = rng.random()
            if roll < 0.05:
                l, r = 0, n - 1
            elif roll < 0.25:
                l = rng.randrange(n)
                r = min(n - 1, l + rng.randint(0, 10))
            else:
                l, r = sorted((rng.randrange(n), rng.randrange(n)))
            queries.append((l, r))
        lines = [str(n), " ".join(map(str, a)), str(q)]
        lines.extend(f"{l} {r}" for l, r in queries)
        cases.append({
            "input": "\n".join(lines) + "\n",
            "output": "\n".join(map(str, _solve(a, queries))),
        })
    return cases
