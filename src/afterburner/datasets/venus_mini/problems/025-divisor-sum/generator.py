"""Test generator for 025-divisor-sum (program-style)."""
import math
import random

N_MAX = 50000


def _solve(n):
    # Dirichlet hyperbola: D(n) = 2 * sum_{i <= r} floor(n / i) - r^2, r = isqrt(n)
    r = math.isqrt(n)
    return 2 * sum(n // i for i in range(1, r + 1)) - r * r


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for k in range(num_cases):
        frac = (k + 1) / num_cases
        hi = max(1, int(N_MAX * size * frac))
        n = rng.randint(max(1, hi * 9 // 10), hi)
        cases.append({"input": "%d\n" % n, "output": "%d\n" % _solve(n)})
    return cases
