# Count primes below N by trial division: deliberately slow, a target for optimization.
import sys

n = int(sys.stdin.read() or 20000)
count = 0
for candidate in range(2, n):
    if all(candidate % d for d in range(2, int(candidate**0.5) + 1)):
        count += 1
print(count)
