# optimal: O(N log log N) sieve of Eratosthenes on a bytearray, multiples cleared by slice assignment
import sys


def main():
    n = int(sys.stdin.read().split()[0])
    if n < 3:
        print(0)
        return
    sieve = bytearray([1]) * n
    sieve[0] = sieve[1] = 0
    i = 2
    while i * i < n:
        if sieve[i]:
            sieve[i * i::i] = bytes(len(range(i * i, n, i)))
        i += 1
    print(sieve.count(1))


main()
