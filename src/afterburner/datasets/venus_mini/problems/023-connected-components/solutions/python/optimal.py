# optimal: union-find with path compression and union by size, O(m * alpha(n))
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    parent = list(range(n))
    size = [1] * n

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    comps = n
    out = []
    vals = list(map(int, data[2:2 + 2 * m]))
    for i in range(0, 2 * m, 2):
        a, b = find(vals[i]), find(vals[i + 1])
        if a != b:
            if size[a] < size[b]:
                a, b = b, a
            parent[b] = a
            size[a] += size[b]
            comps -= 1
        out.append(comps)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
