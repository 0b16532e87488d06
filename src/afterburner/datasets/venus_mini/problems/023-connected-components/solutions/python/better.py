# better: explicit member lists, relabel only the smaller component (small-to-large), O(n log n + m)
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    label = list(range(n))
    members = [[x] for x in range(n)]
    comps = n
    out = []
    for i in range(m):
        a, b = label[int(data[2 + 2 * i])], label[int(data[3 + 2 * i])]
        if a != b:
            if len(members[a]) < len(members[b]):
                a, b = b, a
            for x in members[b]:
                label[x] = a
            members[a].extend(members[b])
            members[b] = None
            comps -= 1
        out.append(comps)
    print("\n".join(map(str, out)))


main()
