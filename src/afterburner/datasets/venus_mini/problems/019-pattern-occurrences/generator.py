import random


def _solve(text, pattern):
    # prefix-function (KMP) count of overlapping occurrences, O(n + m)
    s = pattern + "#" + text
    pi = [0] * len(s)
    m = len(pattern)
    count = 0
    for i in range(1, len(s)):
        k = pi[i - 1]
        while k and s[i] != s[k]:
            k = pi[k - 1]
        if s[i] == s[k]:
            k += 1
        pi[i] = k
        if k == m:
            count += 1
    return count


def _make(rng, n, m, kind):
    if kind == 0:
        # random text over two letters, pattern cut out of it
        text = "".join(rng.choice("ab") for _ in range(n))
    elif kind == 1:
        # periodic text with rare defects: long partial matches everywhere
        unit = "a" * rng.randint(1, 3) + "b"
        text = list((unit * (n // len(unit) + 1))[:n])
        for _ in range(max(1, n // 2000)):
            text[rng.randrange(n)] = "c"
        text = "".join(text)
    else:
        text = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n))
    m = min(m, n)
    start = rng.randrange(n - m + 1)
    pattern = text[start:start + m]
    if rng.random() < 0.25:
        # a pattern that may no longer occur
        pattern = pattern[:-1] + rng.choice("abc")
    return text, pattern


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    max_n = max(1, int(60000 * size))
    max_m = max(1, int(500 * size))
    cases = []
    for k in range(num_cases):
        frac = (k + 1) / num_cases
        n = max(1, int(max_n * frac))
        m = rng.randint(max(1, max_m // 2), max_m)
        kind = (1, 0, 1, 2, 1, 0, 1, 1)[k % 8]
        text, pattern = _make(rng, n, m, kind)
        cases.append({"input": text + "\n" + pattern + "\n", "output": "%d\n" % _solve(text, pattern)})
    return cases
