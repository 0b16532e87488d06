"""Test generator for 010-top-k-frequent."""
import random
from collections import Counter

MAX_N = 16000
LIM = 10**9


def _solve(a, k):
    c = Counter(a)
    ranked = sorted(c.items(), key=lambda t: (-t[1], t[0]))
    return [v for v, _ in ranked[:k]]


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        n = max(1, int(MAX_N * size * (c + 1) / num_cases))
        d = max(1, n // rng.randint(4, 12))
        if c % 3 == 2:
            values = rng.sample(range(-50, 51), min(d, 101))  # small values, many ties
        else:
            values = rng.sample(range(-LIM, LIM + 1), d)
        s = rng.uniform(0.3, 1.2)
        weights = [1.0 / (i + 1) ** s for i in range(len(values))]
        a = rng.choices(values, weights, k=n)
        distinct = len(set(a))
        k = distinct if c % 4 == 1 else rng.randint(1, max(1, min(distinct, 50)))
        cases.append({
            "input": f"{n} {k}\n{' '.join(map(str, a))}\n",
            "output": " ".join(map(str, _solve(a, k))),
        })
    return cases
