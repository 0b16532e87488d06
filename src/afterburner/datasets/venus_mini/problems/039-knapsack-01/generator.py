import random

MAX_N = 100
MAX_W = 15000
MAX_V = 10 ** 9


def _solve(cap, items):
    # 1D rolling array, capacities limited to the window that can still matter
    suffix = sum(w for w, _ in items)
    cap = min(cap, suffix)  # no subset weighs more than all items together
    dp = [0] * (cap + 1)
    prefix = 0
    for w, v in items:
        old = min(cap, prefix)
        prefix += w
        suffix -= w
        hi = min(cap, prefix)
        if hi > old:
            dp[old + 1:hi + 1] = [dp[old]] * (hi - old)
        lo = max(w, cap - suffix)
        for c in range(hi, lo - 1, -1):
            cand = dp[c - w] + v
            if cand > dp[c]:
                dp[c] = cand
    return dp[cap]


def _make(rng, n, cap, kind):
    # kind picks how much the items weigh in total relative to the capacity
    ratio = (1.3, 1.6, 2.0, 0.9)[kind]
    top = max(1, min(cap, int(2 * ratio * cap / n)))
    items = []
    for _ in range(n):
        w = rng.randint(1, top)
        if kind == 1:  # worth strongly tied to weight
            v = min(MAX_V, w * 50000 + rng.randint(0, 1000))
        else:
            v = rng.randint(0, MAX_V)
        items.append((w, v))
    return items


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        frac = min(1.0, (c + 1) / max(1, num_cases - 2))
        n = max(1, min(MAX_N, int(MAX_N * size * frac)))
        cap = max(1, min(MAX_W, int(MAX_W * size * frac)))
        kind = rng.randrange(4) if c < num_cases - 3 else (0, 1, 2)[c % 3]
        items = _make(rng, n, cap, kind)
        inp = f"{n} {cap}\n" + "".join(f"{w} {v}\n" for w, v in items)
        cases.append({"input": inp, "output": str(_solve(cap, items))})
    return cases
