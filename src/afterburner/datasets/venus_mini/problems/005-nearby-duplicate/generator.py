"""Test generator for 005-nearby-duplicate."""
import random

MAX_N = 8000
LIM = 10**9


def _solve(nums, k):
    last = {}
    for j, v in enumerate(nums):
        i = last.get(v)
        if i is not None and j - i <= k:
            return True
        last[v] = j
    return False


def _no_nearby(rng, n, k):
    """n values where equal values are always more than k positions apart."""
    pool_size = k + 1 + max(1, k // 2)
    pool = rng.sample(range(-LIM, LIM + 1), pool_size)
    window = {}
    nums = []
    for i in range(n):
        while True:
            v = pool[rng.randrange(pool_size)]
            if window.get(v, -LIM) < i - k:
                break
        window[v] = i
        nums.append(v)
    return nums


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        n = max(2, int(MAX_N * size * (c + 1) / num_cases))
        k = rng.randint(n // 3, n) if c % 4 != 3 else rng.randint(0, max(1, n // 20))
        nums = _no_nearby(rng, n, k)
        if c % 2 == 1 and k >= 1:
            # plant one close repeat near the end
            j = rng.randint(max(1, (4 * n) // 5), n - 1)
            d = rng.randint(1, min(k, j))
            nums[j] = nums[j - d]
        cases.append({
            "input": f"{n} {k}\n{' '.join(map(str, nums))}\n",
            "output": "true" if _solve(nums, k) else "false",
        })
    return cases
