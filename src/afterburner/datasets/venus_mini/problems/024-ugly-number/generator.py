"""Test generator for 024-ugly-number (function-style, several calls per test)."""
import random

N_MAX = 7000
Q_MAX = 130


def _table(limit):
    ugly = [1] * limit
    i2 = i3 = i5 = 0
    for k in range(1, limit):
        a, b, c = ugly[i2] * 2, ugly[i3] * 3, ugly[i5] * 5
        x = min(a, b, c)
        ugly[k] = x
        if x == a:
            i2 += 1
        if x == b:
            i3 += 1
        if x == c:
            i5 += 1
    return ugly


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    table = _table(N_MAX)
    cases = []
    for k in range(num_cases):
        frac = (k + 1) / num_cases
        n_hi = max(1, min(N_MAX, int(N_MAX * size * frac)))
        q = max(1, int(Q_MAX * size * frac))
        queries = [rng.randint(max(1, n_hi // 2), n_hi) for _ in range(q)]
        if q > 2:
            queries[rng.randrange(q)] = rng.randint(1, 10)
        text = "%d\n" % q + "".join("%d\n" % x for x in queries)
        out = "".join("%d\n" % table[x - 1] for x in queries)
        cases.append({"input": text, "output": out})
    return cases
