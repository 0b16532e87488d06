import random

MAX_N = 3000
MAX_H = 10 ** 9


def _solve(h):
    # monotonic stack of indices with increasing heights, O(n)
    best = 0
    stack = []
    for i, x in enumerate(h + [0]):
        while stack and h[stack[-1]] >= x:
            j = stack.pop()
            left = stack[-1] + 1 if stack else 0
            area = h[j] * (i - left)
            if area > best:
                best = area
        stack.append(i)
    return best


def _make(rng, n, kind):
    if kind == 0:  # uniform heights
        return [rng.randint(0, MAX_H) for _ in range(n)]
    if kind == 1:  # few distinct heights: many equal bars
        return [rng.randint(0, 6) * (MAX_H // 10) for _ in range(n)]
    if kind == 2:  # rising trend with noise
        step = MAX_H // (2 * n)
        return [min(MAX_H, i * step + rng.randint(0, MAX_H // 4)) for i in range(n)]
    # blocks of high plateaus separated by deep dips
    h = []
    while len(h) < n:
        level = rng.randint(MAX_H // 2, MAX_H)
        h.extend(level - rng.randint(0, MAX_H // 100) for _ in range(rng.randint(1, max(1, n // 8))))
        h.append(rng.randint(0, MAX_H // 10))
    return h[:n]


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        frac = min(1.0, (c + 1) / max(1, num_cases - 2))
        n = max(2, min(MAX_N, int(MAX_N * size * frac)))
        kind = rng.randrange(4) if c < num_cases - 3 else (0, 3, 2)[c % 3]
        h = _make(rng, n, kind)
        inp = f"{n}\n{' '.join(map(str, h))}\n"
        cases.append({"input": inp, "output": str(_solve(h))})
    return cases
