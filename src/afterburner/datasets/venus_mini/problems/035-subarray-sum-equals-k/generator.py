import random

MAX_N = 4000


def _solve(nums, k):
    # prefix sums counted in a dict, O(n)
    seen = {0: 1}
    total = 0
    s = 0
    for x in nums:
        s += x
        total += seen.get(s - k, 0)
        seen[s] = seen.get(s, 0) + 1
    return total


def _make(rng, n, kind):
    if kind == 0:  # wide values, k taken from a random subarray
        nums = [rng.randint(-1000, 1000) for _ in range(n)]
        i = rng.randrange(n)
        j = rng.randrange(i, n)
        return nums, sum(nums[i:j + 1])
    if kind == 1:  # tiny values: many hits
        nums = [rng.randint(-2, 2) for _ in range(n)]
        return nums, rng.randint(-3, 3)
    if kind == 2:  # mostly zeros, k = 0: a huge count
        nums = [0 if rng.random() < 0.9 else rng.choice((-1, 1)) for _ in range(n)]
        return nums, 0
    # non-negative values, moderate k
    nums = [rng.randint(0, 10) for _ in range(n)]
    return nums, rng.randint(0, 50)


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        frac = min(1.0, (c + 1) / max(1, num_cases - 2))
        n = max(2, min(MAX_N, int(MAX_N * size * frac)))
        kind = rng.randrange(4) if c < num_cases - 3 else (0, 1, 3)[c % 3]
        nums, k = _make(rng, n, kind)
        inp = f"{n} {k}\n{' '.join(map(str, nums))}\n"
        cases.append({"input": inp, "output": str(_solve(nums, k))})
    return cases
