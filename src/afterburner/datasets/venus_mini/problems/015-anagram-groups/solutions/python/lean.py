# lean: O(n L log L) stream the words line by line, keeping only the per-signature counts
import sys


def main():
    stream = sys.stdin.buffer
    n = int(stream.readline())
    counts = {}
    largest = 0
    for _ in range(n):
        key = bytes(sorted(stream.readline().strip()))
        c = counts.get(key, 0) + 1
        counts[key] = c
        if c > largest:
            largest = c
    print(len(counts), largest)


main()
