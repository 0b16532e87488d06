import random


def _solve(s):
    # Manacher's algorithm on the string with separators: O(n)
    t = "^#" + "#".join(s) + "#$"
    p = [0] * len(t)
    center = right = 0
    for i in range(1, len(t) - 1):
        if i < right:
            p[i] = min(right - i, p[2 * center - i])
        while t[i + p[i] + 1] == t[i - p[i] - 1]:
            p[i] += 1
        if i + p[i] > right:
            center, right = i, i + p[i]
    return max(p)


def _make(rng, n, kind):
    if kind == 0:
        chars = [rng.choice("ab") for _ in range(n)]
    elif kind == 1:
        chars = [rng.choice("abc") for _ in range(n)]
    else:
        chars = [rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n)]
    # plant a palindrome of moderate length somewhere
    if n >= 4:
        plen = rng.randint(2, max(2, n // 8))
        half = [rng.choice("abcde") for _ in range((plen + 1) // 2)]
        pal = half + half[::-1][plen % 2:]
        start = rng.randint(0, n - len(pal))
        chars[start:start + len(pal)] = pal
    return "".join(chars)


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    max_n = max(1, int(3000 * size))
    cases = []
    for k in range(num_cases):
        n = max(1, (max_n * (k + 1)) // num_cases)
        s = _make(rng, n, k % 3)
        cases.append({"input": s + "\n", "output": str(_solve(s)) + "\n"})
    return cases
