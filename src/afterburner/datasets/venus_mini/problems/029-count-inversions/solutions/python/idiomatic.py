# idiomatic: keep the seen values in a sorted list with bisect.insort; count the larger ones by bisect_right, O(n log n) compares + O(n^2) memmove
import sys
from bisect import bisect_right, insort


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    seen = []
    count = 0
    for i, x in enumerate(map(int, data[1:1 + n])):
        count += i - bisect_right(seen, x)
        insort(seen, x)
    print(count)


main()
