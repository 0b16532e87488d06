# Count the primes below N by trial division: O(N sqrt N).
import sys

n = int(sys.stdin.read())
count = 0
for candidate in range(2, n):
    if all(candidate % d for d in range(2, int(candidate**0.5) + 1)):
        count += 1
print(count)
