# idiomatic: O(n + q) itertools.accumulate for the prefix sums, zip over the query pairs
import sys
from itertools import accumulate


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    prefix = list(accumulate(map(int, data[1:1 + n]), initial=0))
    q = int(data[1 + n])
    it = map(int, data[2 + n:2 + n + 2 * q])
    print("\n".join(str(prefix[r + 1] - prefix[l]) for l, r in zip(it, it)))


main()
