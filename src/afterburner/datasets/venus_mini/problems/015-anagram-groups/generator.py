import random

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _solve(words):
    counts = {}
    for w in words:
        key = "".join(sorted(w))
        counts[key] = counts.get(key, 0) + 1
    return len(counts), max(counts.values())


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    max_n = max(1, int(7000 * size))
    cases = []
    for k in range(num_cases):
        n = max(1, (max_n * (k + 1)) // num_cases)
        alphabet = LETTERS[: rng.choice((6, 12, 26))]
        # a pool of letter multisets; words are shuffled copies of pool entries
        pool_size = max(1, n // rng.choice((2, 3, 5)))
        pool = []
        for _ in range(pool_size):
            length = rng.randint(1, 12)
            pool.append([rng.choice(alphabet) for _ in range(length)])
        weights = [rng.random() ** 3 + 0.01 for _ in pool]
        words = []
        for letters in rng.choices(pool, weights=weights, k=n):
            letters = letters[:]
            rng.shuffle(letters)
            words.append("".join(letters))
        groups, largest = _solve(words)
        cases.append({
            "input": str(n) + "\n" + "\n".join(words) + "\n",
            "output": "%d %d\n" % (groups, largest),
        })
    return cases
