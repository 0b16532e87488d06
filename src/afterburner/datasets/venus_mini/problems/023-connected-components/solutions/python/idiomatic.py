# idiomatic: every node maps to a shared set object; merge the smaller set into the larger, O(n log n + m)
import sys


def main():
    tokens = sys.stdin.read().split()
    n, m = int(tokens[0]), int(tokens[1])
    group = {x: {x} for x in range(n)}
    comps = n
    out = []
    pairs = zip(map(int, tokens[2::2]), map(int, tokens[3::2]))
    for u, v in pairs:
        gu, gv = group[u], group[v]
        if gu is not gv:
            if len(gu) < len(gv):
                gu, gv = gv, gu
            gu |= gv
            group.update(dict.fromkeys(gv, gu))
            comps -= 1
        out.append(comps)
    print(*out, sep="\n")


main()
