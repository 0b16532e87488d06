import random


def _solve(s, words):
    # forward DP limited to the lengths that occur in the dictionary: O(n * distinct lengths)
    vocab = set(words)
    lengths = sorted({len(w) for w in words})
    n = len(s)
    ok = [False] * (n + 1)
    ok[0] = True
    for i in range(1, n + 1):
        for L in lengths:
            if L > i:
                break
            if ok[i - L] and s[i - L:i] in vocab:
                ok[i] = True
                break
    return ok[n]


def _random_words(rng, alphabet, count, max_len):
    words = set()
    tries = 0
    while len(words) < count and tries < count * 50:
        tries += 1
        words.add("".join(rng.choice(alphabet) for _ in range(rng.randint(min(2, max_len), max_len))))
    return sorted(words)


def _case(rng, n, m, kind, want):
    if kind == 0:
        # runs of one letter against every short power of it: many partial splits, answer false
        max_len = min(20, max(1, n // 3))
        words = ["a" * L for L in range(1, max_len + 1)]
        words += _random_words(rng, "ab", max(0, m - len(words)), 20)
        words = sorted({w for w in words if "b" not in w or w.endswith("bb")})[:m]
        s = "a" * (n - 1) + "b"
        return s, words
    alphabet = "abc" if kind == 1 else "abcdefgh"
    words = _random_words(rng, alphabet, m, min(20, max(1, n)))
    rng.shuffle(words)
    pieces = []
    total = 0
    while total < n:
        w = rng.choice(words)
        pieces.append(w)
        total += len(w)
    s = "".join(pieces)[:n]
    if not want:
        s = list(s)
        for _ in range(rng.randint(1, 3)):
            s[rng.randrange(len(s))] = rng.choice(alphabet)
        s = "".join(s)
    return s, words


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    max_n = max(2, int(2500 * size))
    max_m = max(2, int(400 * size))
    cases = []
    for k in range(num_cases):
        frac = (k + 1) / num_cases
        n = max(2, int(max_n * frac))
        m = max(2, int(max_m * frac))
        kind = 0 if k % 4 == 1 else 1 + (k % 2)
        want = k % 2 == 0
        for _ in range(30):
            s, words = _case(rng, n, m, kind, want)
            answer = _solve(s, words)
            if kind == 0 or answer == want:
                break
        text = "%s\n%d\n%s\n" % (s, len(words), "\n".join(words))
        cases.append({"input": text, "output": "true\n" if answer else "false\n"})
    return cases
