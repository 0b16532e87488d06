# idiomatic: O(n) time - right-to-left monotonic stack of values over reversed(a), answers collected then printed with print(*reversed(out))
import sys


def main():
    _, *a = map(int, sys.stdin.read().split())
    stack = []
    out = []
    for x in reversed(a):
        while stack and stack[-1] <= x:
            stack.pop()
        out.append(stack[-1] if stack else -1)
        stack.append(x)
    print(*reversed(out))


main()
