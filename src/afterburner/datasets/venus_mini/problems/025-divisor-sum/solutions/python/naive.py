# naive: count the divisors of every i by trial division up to sqrt(i), O(N sqrt N)
import sys


def main():
    n = int(sys.stdin.read().split()[0])
    total = 0
    for i in range(1, n + 1):
        d = 1
        while d * d < i:
            if i % d == 0:
                total += 2
            d += 1
        if d * d == i:
            total += 1
    print(total)


main()
