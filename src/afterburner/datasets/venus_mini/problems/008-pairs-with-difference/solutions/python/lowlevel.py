# lowlevel: O(n + max value) counting array indexed by value, explicit loops
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    top = 0
    for x in a:
        if x > top:
            top = x
    counts = [0] * (top + k + 1)
    for x in a:
        counts[x] += 1
    count = 0
    if k == 0:
        for x in a:
            count += counts[x] - 1
        count //= 2
    else:
        for x in a:
            count += counts[x + k]
    print(count)


main()
