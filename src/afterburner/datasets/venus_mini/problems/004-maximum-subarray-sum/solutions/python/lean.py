# lean: O(n) Kadane streamed over a lazy map of the tokens, no list of integers kept
import sys


def main():
    it = map(int, sys.stdin.buffer.read().split())
    n = next(it)
    best = cur = next(it)
    for _ in range(n - 1):
        x = next(it)
        cur = cur + x if cur > 0 else x
        if cur > best:
            best = cur
    print(best)


main()
