# naive: O(n^2) test every pair of positions
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    count = 0
    for i in range(n):
        x = a[i]
        for j in range(i + 1, n):
            if abs(x - a[j]) == k:
                count += 1
    print(count)


main()
