# divide: O(n log n) expected, O(n^2) worst time - divide and conquer around the lowest bar, found by a linear scan (explicit work stack)
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = [int(x) for x in data[1:1 + n]]
    best = 0
    work = [(0, n)]
    while work:
        lo, hi = work.pop()
        if lo >= hi:
            continue
        low = min(h[lo:hi])
        m = h.index(low, lo, hi)
        area = low * (hi - lo)
        if area > best:
            best = area
        work.append((lo, m))
        work.append((m + 1, hi))
    print(best)


main()
