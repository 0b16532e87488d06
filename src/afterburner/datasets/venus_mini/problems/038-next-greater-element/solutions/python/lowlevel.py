# lowlevel: O(n) time - monotonic stack in a preallocated int array with an explicit top pointer and while loops
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [0] * n
    i = 0
    while i < n:
        a[i] = int(data[i + 1])
        i += 1
    res = [-1] * n
    st = [0] * n
    top = -1
    i = 0
    while i < n:
        x = a[i]
        while top >= 0 and a[st[top]] < x:
            res[st[top]] = x
            top -= 1
        top += 1
        st[top] = i
        i += 1
    sys.stdout.write(" ".join([str(v) for v in res]) + "\n")


main()
