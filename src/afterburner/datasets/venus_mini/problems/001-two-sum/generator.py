"""Test generator for 001-two-sum: n integers with exactly one pair summing to target."""
import random

MAX_N = 4500
LIM = 10**9


def _solve(nums, target):
    first = {}
    for j, v in enumerate(nums):
        i = first.get(target - v)
        if i is not None:
            return i, j
        if v not in first:
            first[v] = j
    raise ValueError("no pair")


def _make_case(rng, n):
    target = rng.randint(-LIM, LIM)
    a = rng.randint(max(-LIM, target - LIM), min(LIM, target + LIM))
    b = target - a
    # every value whose complement is present would create a second pair
    present = {a, b}
    others = []
    while len(others) < n - 2:
        if others and rng.random() < 0.1:
            v = rng.choice(others)  # a harmless repeat
        else:
            v = rng.randint(-LIM, LIM)
        if target - v in present:
            continue
        present.add(v)
        others.append(v)
    # the pair sits in the back half so that a pair scan does real work
    i = rng.randint(n // 2, n - 2)
    j = rng.randint(i + 1, n - 1)
    nums = others[:i] + [a] + others[i:j - 1] + [b] + others[j - 1:]
    return nums, target


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for k in range(num_cases):
        n = max(2, int(MAX_N * size * (k + 1) / num_cases))
        nums, target = _make_case(rng, n)
        i, j = _solve(nums, target)
        cases.append({
            "input": f"{n} {target}\n{' '.join(map(str, nums))}\n",
            "output": f"{i} {j}",
        })
    return cases
