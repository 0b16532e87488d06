# lowlevel: O(n) time - monotonic stack kept in a preallocated int array with an explicit top pointer and while loops
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = [0] * (n + 1)
    i = 0
    while i < n:
        h[i] = int(data[1 + i])
        i += 1
    stack = [0] * (n + 2)
    top = 0
    stack[0] = -1
    best = 0
    i = 0
    while i <= n:
        x = h[i]
        while top > 0 and h[stack[top]] >= x:
            height = h[stack[top]]
            top -= 1
            area = height * (i - stack[top] - 1)
            if area > best:
                best = area
        top += 1
        stack[top] = i
        i += 1
    sys.stdout.write(str(best) + "\n")


main()
