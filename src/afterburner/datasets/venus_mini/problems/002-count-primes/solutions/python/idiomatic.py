# idiomatic: O(N log log N) set-based sieve, composites collected with set.update over ranges
import sys


def main():
    n = int(sys.stdin.read().split()[0])
    composite = set()
    for i in range(2, int(n ** 0.5) + 1):
        if i not in composite:
            composite.update(range(i * i, n, i))
    print(sum(1 for m in range(2, n) if m not in composite))


main()
