# naive: component labels, every merge rescans all n labels to relabel, O(n*m) worst case
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    label = list(range(n))
    comps = n
    out = []
    for i in range(m):
        u, v = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        a, b = label[u], label[v]
        if a != b:
            for x in range(n):
                if label[x] == b:
                    label[x] = a
            comps -= 1
        out.append(comps)
    print("\n".join(map(str, out)))


main()
