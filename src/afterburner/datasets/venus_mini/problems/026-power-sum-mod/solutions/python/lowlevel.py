# lowlevel: left-to-right binary exponentiation scanning exponent bits from the top, plain while loops, O(sum of log b)
import sys


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    m = int(data[1])
    total = 0
    i = 0
    while i < q:
        a = int(data[2 + 2 * i]) % m
        b = int(data[3 + 2 * i])
        r = 1 % m
        bit = 1
        while bit <= b:
            bit <<= 1
        bit >>= 1
        while bit > 0:
            r = r * r % m
            if b & bit:
                r = r * a % m
            bit >>= 1
        total += r
        if total >= m:
            total -= m
        i += 1
    print(total % m)


main()
