# better: O(n log n) time - divide and conquer around the lowest bar, located in O(1) with a sparse table of range minima
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = [int(x) for x in data[1:1 + n]]
    # table[k][i] = index of the lowest bar in h[i : i + 2^k]
    table = [list(range(n))]
    k = 1
    while (1 << k) <= n:
        prev = table[-1]
        half = 1 << (k - 1)
        row = []
        for i in range(n - (1 << k) + 1):
            a = prev[i]
            b = prev[i + half]
            row.append(a if h[a] <= h[b] else b)
        table.append(row)
        k += 1
    best = 0
    work = [(0, n)]
    while work:
        lo, hi = work.pop()
        if lo >= hi:
            continue
        j = (hi - lo).bit_length() - 1
        a = table[j][lo]
        b = table[j][hi - (1 << j)]
        m = a if h[a] <= h[b] else b
        area = h[m] * (hi - lo)
        if area > best:
            best = area
        work.append((lo, m))
        work.append((m + 1, hi))
    print(best)


main()
