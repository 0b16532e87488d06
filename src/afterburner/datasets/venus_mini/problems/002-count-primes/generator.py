"""Test generator for 002-count-primes: one bound N per case."""
import random

MAX_N = 200000


def _solve(n):
    if n < 3:
        return 0
    sieve = bytearray([1]) * n
    sieve[0] = sieve[1] = 0
    i = 2
    while i * i < n:
        if sieve[i]:
            sieve[i * i::i] = bytes(len(range(i * i, n, i)))
        i += 1
    return sum(sieve)


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for k in range(num_cases):
        top = max(10, int(MAX_N * size * (k + 1) / num_cases))
        n = rng.randint(top - top // 10, top)
        cases.append({"input": f"{n}\n", "output": str(_solve(n))})
    return cases
