# idiomatic: O(n^2) but in C, max(accumulate(suffix)) for every start
import sys
from itertools import accumulate


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    print(max(max(accumulate(a[l:])) for l in range(n)))


main()
