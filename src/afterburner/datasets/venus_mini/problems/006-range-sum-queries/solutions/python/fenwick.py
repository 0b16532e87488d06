# fenwick: O((n + q) log n) binary indexed tree, each answer as two prefix queries
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    tree = [0] * (n + 1)
    for i in range(1, n + 1):
        tree[i] += int(data[i])
        j = i + (i & -i)
        if j <= n:
            tree[j] += tree[i]

    def prefix(i):
        s = 0
        while i > 0:
            s += tree[i]
            i -= i & -i
        return s

    q = int(data[1 + n])
    pos = 2 + n
    out = []
    for _ in range(q):
        l = int(data[pos])
        r = int(data[pos + 1])
        pos += 2
        out.append(prefix(r + 1) - prefix(l))
    print("\n".join(map(str, out)))


main()
