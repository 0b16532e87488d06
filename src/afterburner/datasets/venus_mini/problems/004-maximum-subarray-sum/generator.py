"""Test generator for 004-maximum-subarray-sum."""
import random

MAX_N = 450
LIM = 10**6


def _solve(a):
    best = cur = a[0]
    for x in a[1:]:
        cur = x if cur < 0 else cur + x
        if cur > best:
            best = cur
    return best


def _make(rng, n, kind):
    if kind == 0:  # balanced signs
        return [rng.randint(-LIM, LIM) for _ in range(n)]
    if kind == 1:  # mostly negative with rare positive spikes
        return [rng.randint(0, LIM) if rng.random() < 0.15 else rng.randint(-LIM, -1) for _ in range(n)]
    if kind == 2:  # slight positive drift
        return [rng.randint(-LIM // 2, LIM // 2) + LIM // 20 for _ in range(n)]
    # every element negative
    return [rng.randint(-LIM, -1) for _ in range(n)]


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for k in range(num_cases):
        n = max(1, int(MAX_N * size * (k + 1) / num_cases))
        a = _make(rng, n, k % 4)
        cases.append({
            "input": f"{n}\n{' '.join(map(str, a))}\n",
            "output": str(_solve(a)),
        })
    return cases
