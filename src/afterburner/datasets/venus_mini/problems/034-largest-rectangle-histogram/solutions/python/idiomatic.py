# idiomatic: O(n) time - monotonic stack of (start, height) pairs over enumerate(h + [0]), each pop extends the new bar leftwards
import sys


def main():
    _, *h = map(int, sys.stdin.read().split())
    best = 0
    stack = []
    for i, x in enumerate(h + [0]):
        start = i
        while stack and stack[-1][1] >= x:
            start, top = stack.pop()
            best = max(best, top * (i - start))
        stack.append((start, x))
    print(best)


main()
