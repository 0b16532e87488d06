# lowlevel: O(n + d log k) dict counting and a hand-written size-k binary min-heap
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    counts = {}
    for x in a:
        if x in counts:
            counts[x] += 1
        else:
            counts[x] = 1
    # heap entries compare by (count, -value); heap[0] is the weakest kept entry
    hc = []
    hv = []

    def weaker(i, j):
        return hc[i] < hc[j] or (hc[i] == hc[j] and hv[i] > hv[j])

    def sift_down(i):
        size = len(hc)
        while True:
            l = 2 * i + 1
            if l >= size:
                return
            m = l
            if l + 1 < size and weaker(l + 1, l):
                m = l + 1
            if weaker(m, i):
                hc[i], hc[m] = hc[m], hc[i]
                hv[i], hv[m] = hv[m], hv[i]
                i = m
            else:
                return

    for v, c in counts.items():
        if len(hc) < k:
            hc.append(c)
            hv.append(v)
            i = len(hc) - 1
            while i > 0:
                p = (i - 1) // 2
                if weaker(i, p):
                    hc[i], hc[p] = hc[p], hc[i]
                    hv[i], hv[p] = hv[p], hv[i]
                    i = p
                else:
                    break
        elif c > hc[0] or (c == hc[0] and v < hv[0]):
            hc[0] = c
            hv[0] = v
            sift_down(0)
    out = []
    while hc:
        out.append(hv[0])
        last = len(hc) - 1
        hc[0], hv[0] = hc[last], hv[last]
        hc.pop()
        hv.pop()
        if hc:
            sift_down(0)
    out.reverse()
    print(" ".join(map(str, out)))


main()
