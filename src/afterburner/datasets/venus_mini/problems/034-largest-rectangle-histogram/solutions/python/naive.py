# naive: O(n^2) time - for every left edge extend to the right keeping the running minimum height
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    h = [int(x) for x in data[1:1 + n]]
    best = 0
    for i in range(n):
        low = h[i]
        for j in range(i, n):
            if h[j] < low:
                low = h[j]
            area = low * (j - i + 1)
            if area > best:
                best = area
    print(best)


main()
