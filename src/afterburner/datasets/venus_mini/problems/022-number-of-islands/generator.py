"""Test generator for 022-number-of-islands (function-style)."""
import random

SIDE_MAX = 250


def _solve(grid):
    r, c = len(grid), len(grid[0])
    seen = [[False] * c for _ in range(r)]
    count = 0
    for i in range(r):
        for j in range(c):
            if grid[i][j] == "1" and not seen[i][j]:
                count += 1
                seen[i][j] = True
                stack = [(i, j)]
                while stack:
                    a, b = stack.pop()
                    for x, y in ((a + 1, b), (a - 1, b), (a, b + 1), (a, b - 1)):
                        if 0 <= x < r and 0 <= y < c and grid[x][y] == "1" and not seen[x][y]:
                            seen[x][y] = True
                            stack.append((x, y))
    return count


def _make_grid(rng, r, c, kind):
    if kind == 0:
        # plain random land
        p = rng.uniform(0.4, 0.5)
        return [["1" if rng.random() < p else "0" for _ in range(c)] for _ in range(r)]
    if kind == 1:
        # square tiles, each holding a winding serpentine island, plus a little noise
        t = rng.randint(6, 10)
        grid = [["0"] * c for _ in range(r)]
        for i in range(r):
            ti, li = divmod(i, t + 1)
            if li == t:
                continue
            for j in range(c):
                tj, lj = divmod(j, t + 1)
                if lj == t:
                    continue
                if li % 2 == 0:
                    grid[i][j] = "1"
                elif (li // 2) % 2 == 0:
                    grid[i][j] = "1" if lj == t - 1 else "0"
                else:
                    grid[i][j] = "1" if lj == 0 else "0"
        for _ in range(max(1, r * c // 60)):
            i, j = rng.randrange(r), rng.randrange(c)
            grid[i][j] = "1" if grid[i][j] == "0" else "0"
        return grid
    # blobs: many small islands from short random walks
    grid = [["0"] * c for _ in range(r)]
    for _ in range(max(1, r * c // 30)):
        i, j = rng.randrange(r), rng.randrange(c)
        for _ in range(rng.randint(1, 12)):
            grid[i][j] = "1"
            i = min(r - 1, max(0, i + rng.choice((-1, 0, 1))))
            j = min(c - 1, max(0, j + rng.choice((-1, 0, 1))))
    return grid


def generate_test_cases(num_cases, seed, size=1.0):
    rng = random.Random(seed)
    cases = []
    for k in range(num_cases):
        frac = (k + 1) / num_cases
        side = max(2, int(SIDE_MAX * size * frac))
        r = max(1, side + rng.randint(-side // 5, side // 5))
        c = max(1, side + rng.randint(-side // 5, side // 5))
        grid = _make_grid(rng, r, c, k % 3)
        text = "%d %d\n" % (r, c) + "\n".join("".join(row) for row in grid) + "\n"
        cases.append({"input": text, "output": str(_solve(grid))})
    return cases
