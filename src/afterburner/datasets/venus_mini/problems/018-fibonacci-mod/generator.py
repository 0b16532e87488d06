import random

MOD = 1_000_000_007


def _fib_pair(n):
    # fast doubling: returns (F(n), F(n+1)) modulo MOD
    if n == 0:
        return 0, 1
    a, b = _fib_pair(n >> 1)
    c = a * ((2 * b - a) % MOD) % MOD
    d = (a * a + b * b) % MOD
    return (d, (c + d) % MOD) if n & 1 else (c, d)


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    max_q = max(1, int(150 * size))
    max_n = max(2, int(100000 * size))
    cases = []
    for k in range(num_cases):
        frac = (k + 1) / num_cases
        q = max(1, int(max_q * frac))
        top = max(2, int(max_n * frac))
        queries = [rng.randint(0, top) for _ in range(q)]
        # always include a few small values and the extreme of the range
        for i, v in enumerate((0, 1, 2, top)):
            if i < q and rng.random() < 0.5:
                queries[rng.randrange(q)] = v
        answers = [_fib_pair(n)[0] for n in queries]
        cases.append({
            "input": "%d\n%s\n" % (q, "\n".join(map(str, queries))),
            "output": "\n".join(map(str, answers)) + "\n",
        })
    return cases
