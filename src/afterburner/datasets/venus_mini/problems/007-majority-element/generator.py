"""Test generator for 007-majority-element."""
import random

MAX_N = 10000
LIM = 10**9


def _solve(nums):
    cand, votes = None, 0
    for v in nums:
        if votes == 0:
            cand = v
        votes += 1 if v == cand else -1
    return cand


def _make(rng, n, kind):
    major = rng.randint(-LIM, LIM)
    m = n // 2 + 1 + rng.randint(0, max(0, n // 50))  # copies of the majority value
    m = min(m, n)
    rest = n - m
    if kind == 0:  # a handful of other values
        pool = [rng.randint(-LIM, LIM) for _ in range(5)]
    elif kind == 1:  # the other values are mostly distinct
        pool = [rng.randint(-LIM, LIM) for _ in range(max(1, rest))]
    else:  # other values close to the majority value
        pool = [max(-LIM, min(LIM, major + d)) for d in range(-40, 41) if d != 0]
    others = []
    for _ in range(rest):
        v = rng.choice(pool)
        while v == major:
            v = rng.randint(-LIM, LIM)
        others.append(v)
    rng.shuffle(others)
    if kind == 1:
        nums = others + [major] * m
        rng.shuffle(nums)
    else:
        # the other values come first; a few majority copies are swapped into the last
        # quarter of that run, so the first copy of the majority value appears late
        nums = others + [major] * m
        lo = (3 * rest) // 4
        for _ in range(min(m, rest - lo, max(1, n // 100))):
            i = rng.randrange(lo, rest)
            j = rng.randrange(rest, n)
            nums[i], nums[j] = nums[j], nums[i]
    return nums


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        n = max(1, int(MAX_N * size * (c + 1) / num_cases))
        nums = _make(rng, n, c % 3)
        cases.append({
            "input": f"{n}\n{' '.join(map(str, nums))}\n",
            "output": str(_solve(nums)),
        })
    return cases
