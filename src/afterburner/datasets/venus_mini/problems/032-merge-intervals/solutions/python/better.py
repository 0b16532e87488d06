# better: O(n log n) search + O(n) list splices per insert - keep disjoint intervals in sorted parallel lists, find overlaps with bisect
import sys
from bisect import bisect_left, bisect_right


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    starts = []
    ends = []
    for i in range(n):
        l = int(data[1 + 2 * i])
        r = int(data[2 + 2 * i])
        lo = bisect_left(ends, l)      # first interval that ends at or after l
        hi = bisect_right(starts, r)   # intervals from lo to hi-1 overlap [l, r]
        if lo < hi:
            if starts[lo] < l:
                l = starts[lo]
            if ends[hi - 1] > r:
                r = ends[hi - 1]
        starts[lo:hi] = [l]
        ends[lo:hi] = [r]
    out = [str(len(starts))]
    for a, b in zip(starts, ends):
        out.append(f"{a} {b}")
    sys.stdout.write("\n".join(out) + "\n")


main()
