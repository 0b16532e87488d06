# optimal: O(n) Kadane, the best block ending here either extends the previous one or restarts
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    best = cur = a[0]
    for x in a[1:]:
        cur = cur + x if cur > 0 else x
        if cur > best:
            best = cur
    print(best)


main()
