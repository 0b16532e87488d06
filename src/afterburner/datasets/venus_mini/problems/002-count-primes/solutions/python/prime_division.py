# prime_division: O(N*sqrt(N)/log N) trial division by the primes found so far
import sys


def main():
    n = int(sys.stdin.read().split()[0])
    primes = []
    for m in range(2, n):
        for p in primes:
            if p * p > m:
                primes.append(m)
                break
            if m % p == 0:
                break
        else:
            primes.append(m)
    print(len(primes))


main()
