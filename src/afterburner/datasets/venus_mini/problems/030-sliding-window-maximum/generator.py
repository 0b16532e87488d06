"""Test generator for 030-sliding-window-maximum (function-style)."""
import random
from collections import deque

N_MAX = 9000
V_MAX = 10 ** 9


def _solve(nums, k):
    dq = deque()
    out = []
    for i, x in enumerate(nums):
        while dq and nums[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(nums[dq[0]])
    return out


def _make(rng, n, kind):
    if kind == 0:
        return [rng.randint(-V_MAX, V_MAX) for _ in range(n)]
    if kind == 1:
        # decreasing trend with noise: window maxima change at almost every step
        return [V_MAX - 1000 - i * (V_MAX // max(1, n)) + rng.randint(-1000, 1000) for i in range(n)]
    if kind == 2:
        # few distinct values, many ties
        return [rng.randint(-3, 3) for _ in range(n)]
    # increasing trend
    return [-V_MAX + i * (V_MAX // max(1, n)) + rng.randint(0, 5000) for i in range(n)]


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for t in range(num_cases):
        frac = (t + 1) / num_cases
        n = max(1, int(N_MAX * size * frac))
        nums = _make(rng, n, t % 4)
        if t == 0:
            k = 1
        elif t == 1:
            k = n
        else:
            k = rng.randint(max(1, n // 3), max(1, 2 * n // 3))
        text = "%d %d\n%s\n" % (n, k, " ".join(map(str, nums)))
        cases.append({"input": text, "output": " ".join(map(str, _solve(nums, k))) + "\n"})
    return cases
