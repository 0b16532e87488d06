# better: O(n log n) time - sparse table of range maxima, then binary lifting finds the first larger element right of each position
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    # table[k][i] = max(a[i : i + 2^k])
    table = [a]
    k = 1
    while (1 << k) <= n:
        prev = table[-1]
        half = 1 << (k - 1)
        table.append([max(prev[i], prev[i + half]) for i in range(n - (1 << k) + 1)])
        k += 1
    levels = len(table)
    res = [-1] * n
    for i in range(n):
        x = a[i]
        pos = i + 1
        # skip the longest blocks whose maximum is still <= x
        for k in range(levels - 1, -1, -1):
            if pos + (1 << k) <= n and table[k][pos] <= x:
                pos += 1 << k
        if pos < n:
            res[i] = a[pos]
    sys.stdout.write(" ".join(map(str, res)) + "\n")


main()
