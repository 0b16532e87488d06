import random

MAX_N = 6000
MAX_H = 10 ** 9


def _solve(height):
    # two pointers, O(n)
    i, j = 0, len(height) - 1
    left_max = right_max = total = 0
    while i < j:
        if height[i] < height[j]:
            if height[i] > left_max:
                left_max = height[i]
            else:
                total += left_max - height[i]
            i += 1
        else:
            if height[j] > right_max:
                right_max = height[j]
            else:
                total += right_max - height[j]
            j -= 1
    return total


def _make(rng, n, kind):
    if kind == 0:  # uniform noise
        return [rng.randint(0, MAX_H) for _ in range(n)]
    if kind == 1:  # low ground with a few tall walls
        h = [rng.randint(0, MAX_H // 1000) for _ in range(n)]
        for _ in range(max(1, n // 50)):
            h[rng.randrange(n)] = rng.randint(MAX_H // 2, MAX_H)
        return h
    if kind == 2:  # valley: high at both ends, low in the middle, with noise
        mid = (n - 1) / 2 or 1
        return [min(MAX_H, int(abs(i - mid) / mid * (MAX_H // 2)) + rng.randint(0, MAX_H // 4))
                for i in range(n)]
    if kind == 3:  # mountain: little water except noise pockets
        mid = (n - 1) / 2 or 1
        return [max(0, int((1 - abs(i - mid) / mid) * (MAX_H // 2)) + rng.randint(0, MAX_H // 8))
                for i in range(n)]
    # small heights with many equal values
    return [rng.randint(0, 20) for _ in range(n)]


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for k in range(num_cases):
        frac = min(1.0, (k + 1) / max(1, num_cases - 2))
        n = max(3, min(MAX_N, int(MAX_N * size * frac)))
        height = _make(rng, n, rng.randrange(5) if k < num_cases - 3 else k % 3)
        inp = f"{n}\n{' '.join(map(str, height))}\n"
        cases.append({"input": inp, "output": str(_solve(height))})
    return cases
