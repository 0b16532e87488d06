# idiomatic: per coin, every residue class mod c becomes its prefix sums via itertools.accumulate, O(k * A)
import sys
from itertools import accumulate

MOD = 1_000_000_007


def main():
    data = sys.stdin.read().split()
    k, amount = int(data[0]), int(data[1])
    ways = [1] + [0] * amount
    for c in map(int, data[2:2 + k]):
        if c > amount:
            continue
        for r in range(c):
            # ways[r], ways[r+c], ways[r+2c], ... gain the sum of all earlier terms of the class
            ways[r::c] = [x % MOD for x in accumulate(ways[r::c])]
    print(ways[amount])


main()
