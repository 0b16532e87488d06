import random

MAX_N = 4000
MAX_V = 10 ** 9


def _solve(intervals):
    out = []
    for l, r in sorted(intervals):
        if out and l <= out[-1][1]:
            if r > out[-1][1]:
                out[-1][1] = r
        else:
            out.append([l, r])
    return out


def _make(rng, n, kind):
    if kind == 0:  # short, mostly disjoint intervals spread over the whole range
        span = max(1, MAX_V // (4 * n))
        res = []
        for _ in range(n):
            l = rng.randint(0, MAX_V - span)
            res.append((l, l + rng.randint(0, span)))
        return res
    if kind == 1:  # moderate density: chains of merges mixed with isolated intervals
        span = max(1, MAX_V // n)
        res = []
        for _ in range(n):
            l = rng.randint(0, MAX_V - 2 * span)
            res.append((l, l + rng.randint(0, 2 * span)))
        return res
    if kind == 2:  # clustered small coordinates with many duplicates and touching ends
        hi = max(10, 3 * n)
        res = []
        for _ in range(n):
            l = rng.randint(0, hi)
            res.append((l, min(hi, l + rng.randint(0, 2))))
        return res
    # mostly disjoint plus a few long intervals swallowing many others
    span = max(1, MAX_V // (4 * n))
    res = []
    for _ in range(n):
        if rng.random() < 0.01:
            l = rng.randint(0, MAX_V // 2)
            res.append((l, min(MAX_V, l + rng.randint(0, MAX_V // 20))))
        else:
            l = rng.randint(0, MAX_V - span)
            res.append((l, l + rng.randint(0, span)))
    return res


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for k in range(num_cases):
        frac = min(1.0, (k + 1) / max(1, num_cases - 2))
        n = max(2, min(MAX_N, int(MAX_N * size * frac)))
        kind = rng.randrange(4) if k < num_cases - 3 else (0, 3, 1)[k % 3]
        intervals = _make(rng, n, kind)
        inp = f"{n}\n" + "".join(f"{l} {r}\n" for l, r in intervals)
        merged = _solve(intervals)
        out = f"{len(merged)}\n" + "\n".join(f"{l} {r}" for l, r in merged)
        cases.append({"input": inp, "output": out})
    return cases
