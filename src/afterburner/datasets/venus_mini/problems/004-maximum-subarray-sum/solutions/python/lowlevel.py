# lowlevel: O(n) Kadane with an index-driven while loop and explicit comparisons
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [0] * n
    i = 0
    while i < n:
        a[i] = int(data[i + 1])
        i += 1
    best = a[0]
    cur = a[0]
    i = 1
    while i < n:
        x = a[i]
        if cur > 0:
            cur = cur + x
        else:
            cur = x
        if cur > best:
            best = cur
        i += 1
    print(best)


main()
