# naive: O(n^2) time - insert intervals one by one, scanning every merged interval for overlaps and rebuilding the list
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    merged = []
    for i in range(n):
        l = int(data[1 + 2 * i])
        r = int(data[2 + 2 * i])
        rest = []
        for a, b in merged:
            if a <= r and l <= b:
                if a < l:
                    l = a
                if b > r:
                    r = b
            else:
                rest.append((a, b))
        rest.append((l, r))
        merged = rest
    merged.sort()
    print(len(merged))
    for a, b in merged:
        print(a, b)


main()
