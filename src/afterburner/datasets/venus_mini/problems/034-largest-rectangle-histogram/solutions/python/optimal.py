# optimal: O(n) time - single pass with a monotonic stack of indices; a bar is settled when a lower bar arrives
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = [int(x) for x in data[1:1 + n]]
    h.append(0)
    stack = [-1]
    best = 0
    for i in range(n + 1):
        x = h[i]
        while len(stack) > 1 and h[stack[-1]] >= x:
            top = h[stack.pop()]
            area = top * (i - stack[-1] - 1)
            if area > best:
                best = area
        stack.append(i)
    print(best)


main()
