# better: recursive fast exponentiation by halving the exponent, O(sum of log b)
import sys


def power(a, b, m):
    if b == 0:
        return 1 % m
    half = power(a, b // 2, m)
    half = half * half % m
    return half * a % m if b & 1 else half


def main():
    data = sys.stdin.buffer.read().split()
    q, m = int(data[0]), int(data[1])
    total = 0
    for i in range(q):
        total += power(int(data[2 + 2 * i]) % m, int(data[3 + 2 * i]), m)
    print(total % m)


main()
