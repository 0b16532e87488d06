"""Test generator for 029-count-inversions (program-style)."""
import random

N_MAX = 5500
V_MAX = 10 ** 9


def _count(a):
    # merge sort counting of pairs i < j with a[i] > a[j]
    n = len(a)
    src = list(a)
    buf = [0] * n
    inv = 0
    width = 1
    while width < n:
        for lo in range(0, n, 2 * width):
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i, j, k = lo, mid, lo
            while i < mid and j < hi:
                if src[j] < src[i]:
                    buf[k] = src[j]
                    inv += mid - i
                    j += 1
                else:
                    buf[k] = src[i]
                    i += 1
                k += 1
            buf[k:hi] = src[i:mid] if i < mid else src[j:hi]
        src, buf = buf, src
        width *= 2
    return inv


def _make(rng, n, kind):
    if kind == 0:
        return [rng.randint(-V_MAX, V_MAX) for _ in range(n)]
    if kind == 1:
        # many duplicates
        return [rng.randint(0, 20) for _ in range(n)]
    if kind == 2:
        # nearly sorted descending with a few swaps
        a = sorted((rng.randint(0, V_MAX) for _ in range(n)), reverse=True)
        for _ in range(max(1, n // 20)):
            i, j = rng.randrange(n), rng.randrange(n)
            a[i], a[j] = a[j], a[i]
        return a
    # nearly sorted ascending
    a = sorted(rng.randint(-V_MAX, V_MAX) for _ in range(n))
    for _ in range(max(1, n // 10)):
        i = rng.randrange(n)
        j = min(n - 1, i + rng.randint(1, 30))
        a[i], a[j] = a[j], a[i]
    return a


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for t in range(num_cases):
        frac = (t + 1) / num_cases
        n = max(1, int(N_MAX * size * frac))
        a = _make(rng, n, t % 4)
        text = "%d\n%s\n" % (n, " ".join(map(str, a)))
        cases.append({"input": text, "output": "%d\n" % _count(a)})
    return cases
