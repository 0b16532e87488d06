import random

MAX_N = 3000
LIM = 10 ** 4


def _solve(points, k):
    # pack (distance, x, y) into one sortable integer
    keys = sorted(((x * x + y * y) << 30) | ((x + LIM) << 15) | (y + LIM) for x, y in points)
    mask = (1 << 15) - 1
    return [(((key >> 15) & mask) - LIM, (key & mask) - LIM) for key in keys[:k]]


def _make(rng, n, kind):
    if kind == 0:  # uniform over the whole square
        return [(rng.randint(-LIM, LIM), rng.randint(-LIM, LIM)) for _ in range(n)]
    if kind == 1:  # tiny square: many ties and duplicates
        r = max(3, int(n ** 0.5) // 2)
        return [(rng.randint(-r, r), rng.randint(-r, r)) for _ in range(n)]
    # lattice points on or just inside a few circles (many equal distances), plus noise
    radii = [5, 25, 65, 125, 325, 1105, 5525]
    pts = []
    for _ in range(n):
        if rng.random() < 0.6:
            rad = rng.choice(radii)
            x = rng.randint(-rad, rad)
            y2 = rad * rad - x * x
            y = int(y2 ** 0.5)
            while y * y > y2:
                y -= 1
            while (y + 1) * (y + 1) <= y2:
                y += 1
            pts.append((x, y if rng.random() < 0.5 else -y))
        else:
            pts.append((rng.randint(-LIM, LIM), rng.randint(-LIM, LIM)))
    return pts


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for c in range(num_cases):
        frac = min(1.0, (c + 1) / max(1, num_cases - 2))
        n = max(2, min(MAX_N, int(MAX_N * size * frac)))
        kind = rng.randrange(3) if c < num_cases - 3 else c % 3
        points = _make(rng, n, kind)
        k = rng.randint(1, n)
        inp = f"{n} {k}\n" + "".join(f"{x} {y}\n" for x, y in points)
        out = "\n".join(f"{x} {y}" for x, y in _solve(points, k))
        cases.append({"input": inp, "output": out})
    return cases
