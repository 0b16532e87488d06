# jumps: O(n) amortized time - right-to-left, follow already-computed next-greater links instead of stepping one by one
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    nxt = [n] * n  # index of the next greater element, n when none
    for i in range(n - 2, -1, -1):
        j = i + 1
        x = a[i]
        while j < n and a[j] <= x:
            j = nxt[j]
        nxt[i] = j
    sys.stdout.write(" ".join(str(a[j]) if j < n else "-1" for j in nxt) + "\n")


main()
