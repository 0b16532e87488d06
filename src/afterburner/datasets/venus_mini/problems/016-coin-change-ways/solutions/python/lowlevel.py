# lowlevel: 1-D counting in an array('q') with explicit while loops and a trailing index, O(k * A)
import sys
from array import array

MOD = 1_000_000_007


def main():
    data = sys.stdin.buffer.read().split()
    k, amount = int(data[0]), int(data[1])
    ways = array("q", bytes(8 * (amount + 1)))
    ways[0] = 1
    i = 0
    while i < k:
        c = int(data[2 + i])
        a = c
        b = 0
        while a <= amount:
            v = ways[a] + ways[b]
            if v >= MOD:
                v -= MOD
            ways[a] = v
            a += 1
            b += 1
        i += 1
    sys.stdout.write("%d\n" % ways[amount])


main()
