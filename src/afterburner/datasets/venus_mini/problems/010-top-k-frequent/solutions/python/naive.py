# naive: O(n*d + k*d) list of distinct values, each counted by a full scan, then k selection passes
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    distinct = []
    for x in a:
        if x not in distinct:
            distinct.append(x)
    counts = []
    for v in distinct:
        c = 0
        for x in a:
            if x == v:
                c += 1
        counts.append(c)
    chosen = []
    used = [False] * len(distinct)
    for _ in range(k):
        best = -1
        for i in range(len(distinct)):
            if used[i]:
                continue
            if best < 0 or counts[i] > counts[best] or (counts[i] == counts[best] and distinct[i] < distinct[best]):
                best = i
        used[best] = True
        chosen.append(distinct[best])
    print(" ".join(map(str, chosen)))


main()
