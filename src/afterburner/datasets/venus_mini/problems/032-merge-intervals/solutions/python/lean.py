# lean: O(n log n) time, no second interval list - sort the pair list in place and compact merged intervals into its prefix with a write index
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    iv = [[int(data[1 + 2 * i]), int(data[2 + 2 * i])] for i in range(n)]
    del data
    iv.sort()
    w = 0
    for k in range(1, n):
        cur = iv[k]
        last = iv[w]
        if cur[0] <= last[1]:
            if cur[1] > last[1]:
                last[1] = cur[1]
        else:
            w += 1
            iv[w] = cur
    del iv[w + 1:]
    write = sys.stdout.write
    write(f"{w + 1}\n")
    for l, r in iv:
        write(f"{l} {r}\n")


main()
