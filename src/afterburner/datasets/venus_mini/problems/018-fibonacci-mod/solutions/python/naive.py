# naive: iterate the recurrence from scratch for every query, O(sum of n)
import sys

MOD = 1_000_000_007


def main():
    data = sys.stdin.read().split()
    q = int(data[0])
    out = []
    for tok in data[1:1 + q]:
        n = int(tok)
        a, b = 0, 1
        for _ in range(n):
            a, b = b, (a + b) % MOD
        out.append(a)
    print("\n".join(map(str, out)))


main()
