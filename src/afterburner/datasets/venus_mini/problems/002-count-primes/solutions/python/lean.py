# lean: O(N log log N) odd-only sieve, half the memory (index k stands for 2k+1)
import sys


def main():
    n = int(sys.stdin.read().split()[0])
    if n < 3:
        print(0)
        return
    half = n // 2  # odd numbers 1, 3, ..., below n
    sieve = bytearray([1]) * half
    sieve[0] = 0  # 1 is not prime
    k = 1
    while (2 * k + 1) * (2 * k + 1) < n:
        if sieve[k]:
            p = 2 * k + 1
            start = p * p // 2
            sieve[start::p] = bytes(len(range(start, half, p)))
        k += 1
    print(sieve.count(1) + 1)


main()
