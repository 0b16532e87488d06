# better: one table up to the largest query, then lookups, O(max n + q) time, O(max n) memory
import sys

MOD = 1_000_000_007


def main():
    data = sys.stdin.read().split()
    q = int(data[0])
    queries = [int(x) for x in data[1:1 + q]]
    top = max(queries)
    fib = [0] * (top + 2)
    fib[1] = 1
    for i in range(2, top + 1):
        fib[i] = (fib[i - 1] + fib[i - 2]) % MOD
    print("\n".join(str(fib[n]) for n in queries))


main()
