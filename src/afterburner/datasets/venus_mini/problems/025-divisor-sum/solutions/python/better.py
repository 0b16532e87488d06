# better: divisor-count sieve, add 1 to every multiple of every d, O(N log N) time, O(N) memory
import sys


def main():
    n = int(sys.stdin.read().split()[0])
    cnt = [0] * (n + 1)
    for d in range(1, n + 1):
        for multiple in range(d, n + 1, d):
            cnt[multiple] += 1
    print(sum(cnt))


main()
