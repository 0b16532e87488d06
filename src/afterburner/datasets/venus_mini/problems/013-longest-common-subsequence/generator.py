import random

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _solve(a, b):
    # bit-parallel LCS length on Python integers
    masks = {}
    for i, c in enumerate(b):
        masks[c] = masks.get(c, 0) | (1 << i)
    full = (1 << len(b)) - 1
    v = full
    for c in a:
        u = v & masks.get(c, 0)
        v = ((v + u) | (v - u)) & full
    return len(b) - bin(v).count("1")


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    max_n = max(2, int(800 * size))
    cases = []
    for k in range(num_cases):
        n = max(1, (max_n * (k + 1)) // num_cases)
        kind = k % 3
        alphabet = LETTERS[: (4, 26, 10)[kind]]
        a = "".join(rng.choice(alphabet) for _ in range(n))
        if kind == 2:
            # b keeps a random subsequence of a, with some noise mixed in
            b = "".join(c if rng.random() < 0.8 else rng.choice(alphabet) for c in a if rng.random() < 0.7)
            b = b or rng.choice(alphabet)
        else:
            m = max(1, n - rng.randint(0, n // 3))
            b = "".join(rng.choice(alphabet) for _ in range(m))
        cases.append({"input": a + "\n" + b + "\n", "output": str(_solve(a, b)) + "\n"})
    return cases
