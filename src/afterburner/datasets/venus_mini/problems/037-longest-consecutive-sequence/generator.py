import random

MAX_N = 7500
LIM = 10 ** 9


def _solve(nums):
    values = set(nums)
    best = 0
    for v in values:
        if v - 1 not in values:
            w = v + 1
            while w in values:
                w += 1
            if w - v > best:
                best = w - v
    return best


def _make(rng, n, kind):
    nums = []
    if kind == 0:  # many short runs scattered over the full range
        while len(nums) < n:
            start = rng.randint(-LIM, LIM - 50)
            nums.extend(range(start, start + rng.randint(1, 12)))
    elif kind == 1:  # dense window: runs merge into long ones, with duplicates
        width = max(2, int(n * 1.3))
        base = rng.randint(-LIM, LIM - width)
        nums = [base + rng.randrange(width) for _ in range(n)]
    else:  # one long run hidden among noise, plus medium runs
        long_len = max(1, n // 3)
        start = rng.randint(-LIM, LIM - long_len)
        nums.extend(range(start, start + long_len))
        while len(nums) < n:
            if rng.random() < 0.5:
                s = rng.randint(-LIM, LIM - 100)
                nums.extend(range(s, s + rng.randint(1, 60)))
            else:
                nums.append(rng.randint(-LIM, LIM))
    nums = nums[:n]
    rng.shuffle(nums)
    return nums


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        frac = min(1.0, (c + 1) / max(1, num_cases - 2))
        n = max(2, min(MAX_N, int(MAX_N * size * frac)))
        kind = rng.randrange(3) if c < num_cases - 3 else c % 3
        nums = _make(rng, n, kind)
        inp = f"{n}\n{' '.join(map(str, nums))}\n"
        cases.append({"input": inp, "output": str(_solve(nums))})
    return cases
