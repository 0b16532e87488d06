# slice_count: O(n^2) but each suffix is scanned in C with list.count
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    count = 0
    for i in range(n):
        x = a[i]
        rest = a[i + 1:]
        count += rest.count(x + k)
        if k:
            count += rest.count(x - k)
    print(count)


main()
