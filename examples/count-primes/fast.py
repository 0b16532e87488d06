# Count the primes below N with a bytearray sieve of Eratosthenes: O(N log log N).
import sys

n = int(sys.stdin.read())
sieve = bytearray([1]) * max(n, 2)
sieve[0] = sieve[1] = 0
for p in range(2, int(n**0.5) + 1):
    if sieve[p]:
        sieve[p * p :: p] = bytes(len(range(p * p, n, p)))
print(sum(sieve[:n]))
