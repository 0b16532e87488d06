import random

MOD = 1_000_000_007
MAX_P = 20000
MAX_M = 5


def _mul(a, b):
    cols = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) % MOD for col in cols] for row in a]


def _solve(a, p):
    m = len(a)
    result = [[int(i == j) for j in range(m)] for i in range(m)]
    base = a
    while p:
        if p & 1:
            result = _mul(result, base)
        base = _mul(base, base)
        p >>= 1
    return result


def _make(rng, m, kind):
    if kind == 0:  # full-range entries
        return [[rng.randint(0, MOD - 1) for _ in range(m)] for _ in range(m)]
    if kind == 1:  # small entries, some zeros
        return [[rng.choice((0, 0, 1, 2, 3)) for _ in range(m)] for _ in range(m)]
    # permutation-like matrix mixed with large values on the diagonal
    a = [[0] * m for _ in range(m)]
    perm = list(range(m))
    rng.shuffle(perm)
    for i in range(m):
        a[i][perm[i]] = rng.randint(1, MOD - 1)
        a[i][i] = (a[i][i] + rng.randint(0, 5)) % MOD
    return a


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        frac = min(1.0, (c + 1) / max(1, num_cases - 2))
        p_cap = max(2, int(MAX_P * size * frac))
        full = c >= num_cases - 3
        p = p_cap if full else rng.randint(p_cap // 2, p_cap)
        m = (5, 4, 5)[c % 3] if full else rng.randint(1, MAX_M)
        a = _make(rng, m, rng.randrange(3))
        inp = f"{m} {p}\n" + "".join(" ".join(map(str, row)) + "\n" for row in a)
        out = "\n".join(" ".join(map(str, row)) for row in _solve(a, p))
        cases.append({"input": inp, "output": out})
    return cases
