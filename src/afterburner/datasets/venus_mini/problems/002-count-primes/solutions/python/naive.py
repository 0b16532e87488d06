# naive: O(N*sqrt(N)) trial division of every candidate by every integer up to its square root
import sys


def main():
    n = int(sys.stdin.read().split()[0])
    count = 0
    for m in range(2, n):
        d = 2
        prime = True
        while d * d <= m:
            if m % d == 0:
                prime = False
                break
            d += 1
        if prime:
            count += 1
    print(count)


main()
