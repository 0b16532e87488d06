# better: O(n L log L + n log n) sort the signatures, then count runs of equal ones
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    keys = sorted("".join(sorted(w)) for w in data[1:1 + n])
    groups = 0
    largest = 0
    run = 0
    prev = None
    for k in keys:
        if k == prev:
            run += 1
        else:
            groups += 1
            run = 1
            prev = k
        if run > largest:
            largest = run
    print(groups, largest)


main()
