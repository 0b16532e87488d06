"""Test generator for 026-power-sum-mod (program-style)."""
import random

Q_MAX = 120
B_MAX = 100000
MODULI = [1000000007, 998244353, 1000000000, 999999937, 65536, 360360, 97]


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for k in range(num_cases):
        frac = (k + 1) / num_cases
        q = max(1, int(Q_MAX * size * frac))
        b_hi = max(1, int(B_MAX * size * frac))
        if k % 3 == 2:
            m = rng.randint(2, 10 ** 9)
        else:
            m = MODULI[k % len(MODULI)]
        pairs = []
        for _ in range(q):
            r = rng.random()
            if r < 0.05:
                a = rng.choice((0, 1, m))
            elif r < 0.1:
                a = rng.randint(0, 10)
            else:
                a = rng.randint(0, 10 ** 9)
            pairs.append((a, rng.randint(b_hi // 2, b_hi)))
        if q >= 3:
            pairs[rng.randrange(q)] = (rng.randint(0, 10 ** 9), 0)
        total = sum(pow(a, b, m) for a, b in pairs) % m
        text = "%d %d\n" % (q, m) + "".join("%d %d\n" % p for p in pairs)
        cases.append({"input": text, "output": "%d\n" % total})
    return cases
