# lowlevel: single array plus a saved diagonal, byte codes and while loops, O(n*m)
import sys


def main():
    data = sys.stdin.buffer.read().split()
    a, b = data[0], data[1]
    n, m = len(a), len(b)
    row = list(range(m + 1))
    i = 0
    while i < n:
        ca = a[i]
        diag = row[0]
        row[0] = i + 1
        left = i + 1
        j = 0
        while j < m:
            up = row[j + 1]
            if ca == b[j]:
                val = diag
            else:
                val = up if up < left else left
                if diag < val:
                    val = diag
                val += 1
            row[j + 1] = val
            diag = up
            left = val
            j += 1
        i += 1
    sys.stdout.write(str(row[m]) + "\n")


main()
