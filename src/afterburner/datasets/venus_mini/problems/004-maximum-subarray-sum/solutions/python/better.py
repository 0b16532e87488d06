# better: O(n^2) every start l, extend the running sum one element at a time
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    best = a[0]
    for l in range(n):
        s = 0
        for r in range(l, n):
            s += a[r]
            if s > best:
                best = s
    print(best)


main()
