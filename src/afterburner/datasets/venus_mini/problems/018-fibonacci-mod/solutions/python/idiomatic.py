# idiomatic: recursive fast doubling cached with functools.lru_cache, O(q log n)
import sys
from functools import lru_cache

MOD = 1_000_000_007


@lru_cache(maxsize=None)
def pair(n):
    """Return (F(n), F(n+1)) modulo MOD."""
    if n == 0:
        return 0, 1
    a, b = pair(n // 2)
    c = a * (2 * b - a) % MOD
    d = (a * a + b * b) % MOD
    return (d, (c + d) % MOD) if n % 2 else (c, d)


def main():
    q, *queries = map(int, sys.stdin.read().split())
    print(*(pair(n)[0] for n in queries[:q]), sep="\n")


main()
