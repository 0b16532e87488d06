# naive: O(n^3) every block (l, r), each summed from scratch with an inner loop
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    best = a[0]
    for l in range(n):
        for r in range(l, n):
            s = 0
            for k in range(l, r + 1):
                s += a[k]
            if s > best:
                best = s
    print(best)


main()
