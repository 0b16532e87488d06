# divide: O(n log n) divide and conquer, best block is left, right, or crosses the middle
import sys


def best_in(a, lo, hi):
    if hi - lo == 1:
        return a[lo]
    mid = (lo + hi) // 2
    s = 0
    left = a[mid - 1]
    for k in range(mid - 1, lo - 1, -1):
        s += a[k]
        if s > left:
            left = s
    s = 0
    right = a[mid]
    for k in range(mid, hi):
        s += a[k]
        if s > right:
            right = s
    return max(left + right, best_in(a, lo, mid), best_in(a, mid, hi))


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    print(best_in(a, 0, n))


main()
