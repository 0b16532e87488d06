import random

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _solve(a, b):
    # two-row dynamic programming, O(len(a) * len(b))
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


def _mutate(rng, s, edits, alphabet):
    s = list(s)
    for _ in range(edits):
        op = rng.randrange(3)
        if op == 0 or not s:
            s.insert(rng.randint(0, len(s)), rng.choice(alphabet))
        elif op == 1 and len(s) > 1:
            del s[rng.randrange(len(s))]
        else:
            s[rng.randrange(len(s))] = rng.choice(alphabet)
    return "".join(s)


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    max_n = max(2, int(600 * size))
    cases = []
    for k in range(num_cases):
        n = max(1, (max_n * (k + 1)) // num_cases)
        kind = k % 3
        alphabet = LETTERS if kind != 1 else "abcd"
        a = "".join(rng.choice(alphabet) for _ in range(n))
        if kind == 2:
            # b is a lightly edited copy of a
            b = _mutate(rng, a, max(1, n // 5), alphabet)
        else:
            m = max(1, n - rng.randint(0, n // 4))
            b = "".join(rng.choice(alphabet) for _ in range(m))
        b = b[:max_n] or "a"
        cases.append({"input": a + "\n" + b + "\n", "output": str(_solve(a, b)) + "\n"})
    return cases
