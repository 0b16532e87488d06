# idiomatic: sum of pow(a, b, m) over zipped (a, b) pairs with map, O(sum of log b)
import sys
from functools import partial


def main():
    tokens = list(map(int, sys.stdin.buffer.read().split()))
    q, m = tokens[0], tokens[1]
    bases, exps = tokens[2::2], tokens[3::2]
    print(sum(map(partial(pow, mod=m), bases[:q], exps[:q])) % m)


main()
