# idiomatic: sum(map(...)) of floor(N / i) over range(1, N + 1), O(N) at C speed
import sys
from functools import partial
from operator import floordiv


def main():
    n = int(sys.stdin.read().split()[0])
    print(sum(map(partial(floordiv, n), range(1, n + 1))))


main()
