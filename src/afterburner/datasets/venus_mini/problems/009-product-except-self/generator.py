"""Test generator for 009-product-except-self (products modulo 10^9 + 7)."""
import random

MAX_N = 2800
LIM = 10**9
MOD = 10**9 + 7


def _solve(nums):
    n = len(nums)
    out = [1] * n
    acc = 1
    for i in range(n):
        out[i] = acc
        acc = acc * nums[i] % MOD
    acc = 1
    for i in range(n - 1, -1, -1):
        out[i] = out[i] * acc % MOD
        acc = acc * nums[i] % MOD
    return out


def _make(rng, n, kind):
    if kind == 0:  # large values, no zero
        return [rng.randint(1, LIM) for _ in range(n)]
    if kind == 1:  # exactly one zero
        nums = [rng.randint(1, LIM) for _ in range(n)]
        nums[rng.randrange(n)] = 0
        return nums
    if kind == 2:  # small values, ones and a few zeros
        return [0 if rng.random() < 0.002 else rng.randint(1, 9) for _ in range(n)]
    # two or more zeros among large values
    nums = [rng.randint(1, LIM) for _ in range(n)]
    for _ in range(min(n, rng.randint(2, 4))):
        nums[rng.randrange(n)] = 0
    return nums


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        n = max(1, int(MAX_N * size * (c + 1) / num_cases))
        nums = _make(rng, n, c % 4)
        cases.append({
            "input": f"{n}\n{' '.join(map(str, nums))}\n",
            "output": " ".join(map(str, _solve(nums))),
        })
    return cases
