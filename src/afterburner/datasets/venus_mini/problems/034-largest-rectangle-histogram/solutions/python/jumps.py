# jumps: O(n) amortized time - nearest lower bar on each side via pointer jumping over already-computed boundaries
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = [int(x) for x in data[1:1 + n]]
    left = [0] * n   # index of nearest lower bar on the left, -1 if none
    right = [0] * n  # index of nearest lower bar on the right, n if none
    for i in range(n):
        j = i - 1
        x = h[i]
        while j >= 0 and h[j] >= x:
            j = left[j]
        left[i] = j
    for i in range(n - 1, -1, -1):
        j = i + 1
        x = h[i]
        while j < n and h[j] >= x:
            j = right[j]
        right[i] = j
    print(max(h[i] * (right[i] - left[i] - 1) for i in range(n)))


main()
