import random

MOD = 1_000_000_007


def _solve(coins, amount):
    ways = [0] * (amount + 1)
    ways[0] = 1
    for c in coins:
        for a in range(c, amount + 1):
            ways[a] = (ways[a] + ways[a - c]) % MOD
    return ways[amount]


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    max_amount = max(1, int(2000 * size))
    max_k = max(1, int(50 * size))
    cases = []
    for k_index in range(num_cases):
        frac = (k_index + 1) / num_cases
        amount = max(1, int(max_amount * frac))
        k = max(1, int(max_k * frac))
        small = rng.sample(range(1, 41), min(40, max(1, k // 2)))
        large = rng.sample(range(1, 3001), k)
        coins = []
        for c in small + large:
            if c not in coins and len(coins) < k:
                coins.append(c)
        if k_index % 4 == 3:
            # no coin of value 1, and all values even, so odd amounts are impossible
            coins = sorted({2 * ((c + 1) // 2) for c in coins})
        rng.shuffle(coins)
        answer = _solve(coins, amount)
        cases.append({
            "input": "%d %d\n%s\n" % (len(coins), amount, " ".join(map(str, coins))),
            "output": "%d\n" % answer,
        })
    return cases
