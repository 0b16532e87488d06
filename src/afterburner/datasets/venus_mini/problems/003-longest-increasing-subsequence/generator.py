"""Test generator for 003-longest-increasing-subsequence."""
import random
from bisect import bisect_left

MAX_N = 4500
LIM = 10**9


def _solve(nums):
    tails = []
    for x in nums:
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)


def _make(rng, n, kind):
    if kind == 0:  # uniform over the whole range
        return [rng.randint(-LIM, LIM) for _ in range(n)]
    if kind == 1:  # few distinct values, many repeats
        top = max(1, n // 10)
        return [rng.randint(0, top) for _ in range(n)]
    if kind == 2:  # rising trend with noise: long answers
        step = 1000
        return [max(-LIM, min(LIM, -LIM // 2 + i * step + rng.randint(-20 * step, 20 * step)))
                for i in range(n)]
    # falling trend with noise: short answers
    step = 1000
    return [max(-LIM, min(LIM, LIM // 2 - i * step + rng.randint(-5 * step, 5 * step)))
            for i in range(n)]


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for k in range(num_cases):
        n = max(1, int(MAX_N * size * (k + 1) / num_cases))
        nums = _make(rng, n, k % 4)
        cases.append({
            "input": f"{n}\n{' '.join(map(str, nums))}\n",
            "output": str(_solve(nums)),
        })
    return cases
