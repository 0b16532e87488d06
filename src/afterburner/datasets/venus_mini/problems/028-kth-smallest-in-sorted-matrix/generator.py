"""Test generator for 028-kth-smallest-in-sorted-matrix (function-style)."""
import random

N_MAX = 250
V_MAX = 10 ** 9


def _make_matrix(rng, n, kind):
    if kind == 0:
        step = max(1, V_MAX // (2 * n))  # wide spread of values
    elif kind == 1:
        step = 3  # lots of equal values
    else:
        step = max(1, V_MAX // (50 * n))
    a = [[0] * n for _ in range(n)]
    start = rng.randint(-V_MAX, -V_MAX // 2) if kind != 1 else rng.randint(-1000, 1000)
    for i in range(n):
        row = a[i]
        up = a[i - 1] if i else None
        for j in range(n):
            if i == 0 and j == 0:
                base = start
            elif i == 0:
                base = row[j - 1]
            elif j == 0:
                base = up[j]
            else:
                base = row[j - 1] if row[j - 1] > up[j] else up[j]
            row[j] = base + rng.randint(0, step)
    return a


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for t in range(num_cases):
        frac = (t + 1) / num_cases
        n = max(1, int(N_MAX * size * frac))
        a = _make_matrix(rng, n, t % 3)
        total = n * n
        if t % 4 == 3 and frac <= 0.5:
            k = rng.choice((1, total, rng.randint(1, total)))
        else:
            k = rng.randint(max(1, total // 4), max(1, 3 * total // 4))
        flat = sorted(x for row in a for x in row)
        text = "%d %d\n" % (n, k) + "".join(" ".join(map(str, row)) + "\n" for row in a)
        cases.append({"input": text, "output": "%d\n" % flat[k - 1]})
    return cases
