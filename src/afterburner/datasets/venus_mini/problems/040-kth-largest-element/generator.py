import random

MAX_N = 9000
LIM = 10 ** 4


def _solve(nums, k):
    # counting over the small value range, O(n + range)
    counts = [0] * (2 * LIM + 1)
    for x in nums:
        counts[x + LIM] += 1
    for idx in range(2 * LIM, -1, -1):
        k -= counts[idx]
        if k <= 0:
            return idx - LIM
    raise ValueError("k out of range")


def _make(rng, n, kind):
    if kind == 0:  # uniform over the full range
        return [rng.randint(-LIM, LIM) for _ in range(n)]
    if kind == 1:  # few distinct values
        return [rng.randint(-5, 5) * 7 for _ in range(n)]
    if kind == 2:  # already sorted, ascending or descending
        a = sorted(rng.randint(-LIM, LIM) for _ in range(n))
        return a if rng.random() < 0.5 else a[::-1]
    # almost all equal with a few outliers
    base = rng.randint(-LIM, LIM)
    return [base if rng.random() < 0.95 else rng.randint(-LIM, LIM) for _ in range(n)]


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        frac = min(1.0, (c + 1) / max(1, num_cases - 2))
        n = max(2, min(MAX_N, int(MAX_N * size * frac)))
        full = c >= num_cases - 3
        kind = rng.randrange(4) if not full else (0, 2, 1)[c % 3]
        nums = _make(rng, n, kind)
        k = rng.randint(1, n) if not full else max(1, int(n * (0.5, 0.9, 0.7)[c % 3]))
        inp = f"{n} {k}\n{' '.join(map(str, nums))}\n"
        cases.append({"input": inp, "output": str(_solve(nums, k))})
    return cases
