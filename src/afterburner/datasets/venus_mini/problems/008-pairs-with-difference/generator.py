"""Test generator for 008-pairs-with-difference."""
import random
from collections import Counter

MAX_N = 4000
LIM = 10**6


def _solve(a, k):
    c = Counter(a)
    if k == 0:
        return sum(m * (m - 1) // 2 for m in c.values())
    return sum(m * c.get(v + k, 0) for v, m in c.items())


def _make(rng, n, kind):
    if kind == 0:  # dense small range, small k: many pairs
        top = max(1, n // 2)
        return [rng.randint(0, top) for _ in range(n)], rng.randint(1, 5)
    if kind == 1:  # k = 0: count equal pairs
        top = max(1, n // 4)
        return [rng.randint(0, top) for _ in range(n)], 0
    if kind == 2:  # sparse values, large k, few pairs
        return [rng.randint(0, LIM) for _ in range(n)], rng.randint(1, LIM)
    # clustered values around a few centres
    centres = [rng.randint(0, LIM) for _ in range(8)]
    a = [min(LIM, max(0, rng.choice(centres) + rng.randint(-50, 50))) for _ in range(n)]
    return a, rng.randint(0, 40)


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        n = max(1, int(MAX_N * size * (c + 1) / num_cases))
        a, k = _make(rng, n, c % 4)
        cases.append({
            "input": f"{n} {k}\n{' '.join(map(str, a))}\n",
            "output": str(_solve(a, k)),
        })
    return cases
