# better: O(n log n) sort the array, count runs of equal values, sort the runs by (-count, value)
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    s = sorted(a)
    runs = []
    i = 0
    while i < n:
        j = i
        while j < n and s[j] == s[i]:
            j += 1
        runs.append((i - j, s[i]))
        i = j
    runs.sort()
    print(" ".join(str(v) for _, v in runs[:k]))


main()
