# lean: union-find with path halving in one array('i') parent buffer, no rank, O(m log n) worst, tiny memory
import sys
from array import array


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    parent = array("i", range(n))
    comps = n
    write = sys.stdout.write
    buf = []
    for i in range(2, 2 + 2 * m, 2):
        a = int(data[i])
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        b = int(data[i + 1])
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        if a != b:
            parent[a] = b
            comps -= 1
        buf.append(comps)
    write("\n".join(map(str, buf)) + "\n")


main()
