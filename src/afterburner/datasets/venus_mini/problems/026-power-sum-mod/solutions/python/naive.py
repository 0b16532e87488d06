# naive: multiply by a, b times, reducing mod m each step, O(sum of b)
import sys


def main():
    data = sys.stdin.buffer.read().split()
    q, m = int(data[0]), int(data[1])
    total = 0
    for i in range(q):
        a, b = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        a %= m
        r = 1 % m
        for _ in range(b):
            r = r * a % m
        total = (total + r) % m
    print(total)


main()
