# lean: stream the input line by line with an iterative right-to-left binary power, O(sum of log b), O(1) memory
import sys


def main():
    lines = iter(sys.stdin.buffer.readline, b"")
    q, m = map(int, next(lines).split())
    total = 0
    for _ in range(q):
        a, b = map(int, next(lines).split())
        base = a % m
        r = 1 % m
        while b:
            if b & 1:
                r = r * base % m
            base = base * base % m
            b >>= 1
        total = (total + r) % m
    print(total)


main()
