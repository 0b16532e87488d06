# lean: Fenwick tree over compressed value ranks in array('i') buffers, O(n log n) time, O(n) small ints
import sys
from array import array


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = array("q", map(int, data[1:1 + n]))
    del data
    ranks = {v: r for r, v in enumerate(sorted(set(a)), 1)}
    size = len(ranks)
    tree = array("i", bytes(4 * (size + 1)))
    count = 0
    for i in range(n):
        r = ranks[a[i]]
        # number of earlier values <= a[i]
        k = r
        le = 0
        while k > 0:
            le += tree[k]
            k &= k - 1
        count += i - le
        k = r
        while k <= size:
            tree[k] += 1
            k += k & -k
    print(count)


main()
