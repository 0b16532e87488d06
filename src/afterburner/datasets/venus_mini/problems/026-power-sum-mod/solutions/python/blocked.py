# blocked: square-root decomposition, b = s*k + t with k ~ sqrt(b): k steps for a^k, then s + t steps, O(sum of sqrt b)
import sys
from math import isqrt


def main():
    data = sys.stdin.buffer.read().split()
    q, m = int(data[0]), int(data[1])
    total = 0
    for i in range(q):
        a, b = int(data[2 + 2 * i]) % m, int(data[3 + 2 * i])
        k = max(1, isqrt(b))
        s, t = divmod(b, k)
        big = 1 % m
        for _ in range(k):
            big = big * a % m
        r = 1 % m
        for _ in range(s):
            r = r * big % m
        for _ in range(t):
            r = r * a % m
        total = (total + r) % m
    print(total)


main()
