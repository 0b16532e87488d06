import random


def _solve(grid):
    row_cost = None
    for row in grid:
        if row_cost is None:
            row_cost = []
            total = 0
            for v in row:
                total += v
                row_cost.append(total)
            continue
        left = None
        for j, v in enumerate(row):
            up = row_cost[j]
            best = up if left is None or up < left else left
            left = best + v
            row_cost[j] = left
    return row_cost[-1]


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    max_side = max(1, int(75 * size))
    cases = []
    for k in range(num_cases):
        frac = (k + 1) / num_cases
        side = max(1, int(max_side * frac))
        r = max(1, side - rng.randint(0, side // 3))
        c = max(1, side - rng.randint(0, side // 3))
        if k == num_cases - 1:
            r = c = side  # the last case is always at full size
        if k % 3 == 1:
            r, c = c, r
        kind = k % 3
        grid = []
        for i in range(r):
            if kind == 0:
                grid.append([rng.randint(0, 1000) for _ in range(c)])
            elif kind == 1:
                grid.append([rng.randint(0, 9) for _ in range(c)])
            else:
                # a cheap winding corridor through an expensive field
                grid.append([rng.randint(1, 3) if (i // 7 + j // 7) % 2 == 0 else rng.randint(500, 1000) for j in range(c)])
        text = "%d %d\n%s\n" % (r, c, "\n".join(" ".join(map(str, row)) for row in grid))
        cases.append({"input": text, "output": "%d\n" % _solve(grid)})
    return cases
