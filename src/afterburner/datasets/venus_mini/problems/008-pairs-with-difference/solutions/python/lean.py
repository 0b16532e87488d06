# lean: O(n log n) in-place sort and two pointers over runs of equal values, O(1) extra memory
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    a.sort()
    count = 0
    if k == 0:
        i = 0
        while i < n:
            j = i
            while j < n and a[j] == a[i]:
                j += 1
            run = j - i
            count += run * (run - 1) // 2
            i = j
    else:
        j = 0
        i = 0
        while i < n:
            x = a[i]
            ri = i
            while ri < n and a[ri] == x:
                ri += 1
            while j < n and a[j] < x + k:
                j += 1
            rj = j
            while rj < n and a[rj] == x + k:
                rj += 1
            count += (ri - i) * (rj - j)
            i = ri
    print(count)


main()
