# optimal: recursive merge sort that adds the remaining left-half length whenever a right element goes first, O(n log n)
import sys


def sort_count(a):
    n = len(a)
    if n <= 1:
        return a, 0
    left, inv_l = sort_count(a[: n // 2])
    right, inv_r = sort_count(a[n // 2:])
    merged = []
    append = merged.append
    inv = inv_l + inv_r
    i = j = 0
    nl, nr = len(left), len(right)
    while i < nl and j < nr:
        if right[j] < left[i]:
            append(right[j])
            inv += nl - i
            j += 1
        else:
            append(left[i])
            i += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged, inv


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    print(sort_count([int(x) for x in data[1:1 + n]])[1])


main()
