# better: O(N*sqrt(N)) trial division, but only odd candidates by odd divisors (about 4x fewer steps)
import sys


def main():
    n = int(sys.stdin.read().split()[0])
    if n < 3:
        print(0)
        return
    count = 1  # the prime 2
    for m in range(3, n, 2):
        d = 3
        prime = True
        while d * d <= m:
            if m % d == 0:
                prime = False
                break
            d += 2
        if prime:
            count += 1
    print(count)


main()
