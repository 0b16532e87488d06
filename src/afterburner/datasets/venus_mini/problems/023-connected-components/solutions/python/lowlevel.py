# lowlevel: union-find with two-pass full path compression and union by rank written as plain while loops, O(m * alpha(n))
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    m = int(data[1])
    parent = [0] * n
    rank = [0] * n
    i = 0
    while i < n:
        parent[i] = i
        i += 1
    comps = n
    out = [0] * m
    k = 0
    p = 2
    while k < m:
        u = int(data[p])
        v = int(data[p + 1])
        p += 2
        ru = u
        while parent[ru] != ru:
            ru = parent[ru]
        while parent[u] != ru:
            nxt = parent[u]
            parent[u] = ru
            u = nxt
        rv = v
        while parent[rv] != rv:
            rv = parent[rv]
        while parent[v] != rv:
            nxt = parent[v]
            parent[v] = rv
            v = nxt
        if ru != rv:
            if rank[ru] < rank[rv]:
                parent[ru] = rv
            elif rank[ru] > rank[rv]:
                parent[rv] = ru
            else:
                parent[rv] = ru
                rank[ru] += 1
            comps -= 1
        out[k] = comps
        k += 1
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
