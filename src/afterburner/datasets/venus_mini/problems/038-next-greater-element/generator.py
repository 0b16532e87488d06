import random

MAX_N = 6500
MAX_V = 10 ** 9


def _solve(a):
    n = len(a)
    res = [-1] * n
    stack = []
    for i, x in enumerate(a):
        while stack and a[stack[-1]] < x:
            res[stack.pop()] = x
        stack.append(i)
    return res


def _make(rng, n, kind):
    if kind == 0:  # strictly falling trend with rare random spikes: answers lie far to the right
        step = MAX_V // (2 * n)
        a = [(n - i) * step + rng.randrange(step) for i in range(n)]
        for i in range(n):
            if rng.random() < 0.004:
                a[i] = rng.randint(0, MAX_V)
        return a
    if kind == 1:  # uniform values
        return [rng.randint(0, MAX_V) for _ in range(n)]
    if kind == 2:  # saw teeth: long falling blocks, each block starts above the previous one
        a = []
        peak = MAX_V // 2
        while len(a) < n:
            length = rng.randint(max(1, n // 5), max(1, n // 2))
            v = peak
            for _ in range(length):
                a.append(v)
                v = max(0, v - rng.randint(1, 1000))
            peak += rng.randint(1, 1000)
        return a[:n]
    # non-increasing staircase with equal plateaus: most answers are -1
    a = []
    v = MAX_V
    while len(a) < n:
        a.extend([v] * rng.randint(1, 20))
        v = max(0, v - rng.randint(1, MAX_V // (2 * n)))
    return a[:n]


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        frac = min(1.0, (c + 1) / max(1, num_cases - 2))
        n = max(2, min(MAX_N, int(MAX_N * size * frac)))
        kind = rng.randrange(4) if c < num_cases - 3 else (3, 0, 2)[c % 3]
        a = _make(rng, n, kind)
        inp = f"{n}\n{' '.join(map(str, a))}\n"
        cases.append({"input": inp, "output": " ".join(map(str, _solve(a)))})
    return cases
