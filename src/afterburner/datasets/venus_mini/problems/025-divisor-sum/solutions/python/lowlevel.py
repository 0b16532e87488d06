# lowlevel: linear sieve of d(i) via smallest-prime exponents in explicit loops, O(N) time, O(N) memory
import sys


def main():
    n = int(sys.stdin.read().split()[0])
    d = [0] * (n + 1)
    e = [0] * (n + 1)  # exponent of the smallest prime factor
    composite = [False] * (n + 1)
    primes = []
    if n >= 1:
        d[1] = 1
    total = 1 if n >= 1 else 0
    i = 2
    while i <= n:
        if not composite[i]:
            primes.append(i)
            d[i] = 2
            e[i] = 1
        di = d[i]
        ei = e[i]
        j = 0
        np_ = len(primes)
        while j < np_:
            p = primes[j]
            ip = i * p
            if ip > n:
                break
            composite[ip] = True
            if i % p == 0:
                e[ip] = ei + 1
                d[ip] = di // (ei + 1) * (ei + 2)
                break
            e[ip] = 1
            d[ip] = di * 2
            j += 1
        total += di
        i += 1
    print(total)


main()
