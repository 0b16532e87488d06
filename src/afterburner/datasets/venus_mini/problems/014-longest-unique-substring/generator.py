import random

ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _solve(s):
    # sliding window with the last position of every character, O(n)
    last = {}
    start = best = 0
    for i, c in enumerate(s):
        if last.get(c, -1) >= start:
            start = last[c] + 1
        last[c] = i
        if i - start + 1 > best:
            best = i - start + 1
    return best


def _make(rng, n, kind):
    if kind == 0:
        # uniform over the whole alphabet: short runs
        return "".join(rng.choice(ALPHABET) for _ in range(n))
    if kind == 1:
        # lowercase letters only
        return "".join(rng.choice(ALPHABET[:26]) for _ in range(n))
    # blocks of distinct characters: long repeat-free runs
    out = []
    while len(out) < n:
        block = rng.sample(ALPHABET, rng.randint(30, len(ALPHABET)))
        out.extend(block)
        if rng.random() < 0.5:
            out.append(rng.choice(ALPHABET))
    return "".join(out[:n])


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    max_n = max(1, int(12000 * size))
    cases = []
    for k in range(num_cases):
        n = max(1, (max_n * (k + 1)) // num_cases)
        kind = 1 if k % 4 == 0 else 0 if k % 4 == 2 else 2
        s = _make(rng, n, kind)
        cases.append({"input": s + "\n", "output": str(_solve(s)) + "\n"})
    return cases
