# lowlevel: bottom-up merge sort with two preallocated buffers and index while loops, O(n log n)
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    src = [int(x) for x in data[1:1 + n]]
    dst = [0] * n
    inv = 0
    width = 1
    while width < n:
        lo = 0
        while lo < n:
            mid = lo + width
            if mid > n:
                mid = n
            hi = lo + 2 * width
            if hi > n:
                hi = n
            i = lo
            j = mid
            k = lo
            while i < mid and j < hi:
                if src[j] < src[i]:
                    dst[k] = src[j]
                    inv += mid - i
                    j += 1
                else:
                    dst[k] = src[i]
                    i += 1
                k += 1
            while i < mid:
                dst[k] = src[i]
                i += 1
                k += 1
            while j < hi:
                dst[k] = src[j]
                j += 1
                k += 1
            lo = hi
        src, dst = dst, src
        width *= 2
    print(inv)


main()
