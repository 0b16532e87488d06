# optimal: built-in three-argument pow (C square-and-multiply), O(sum of log b)
import sys


def main():
    data = sys.stdin.buffer.read().split()
    q, m = int(data[0]), int(data[1])
    total = 0
    for i in range(2, 2 + 2 * q, 2):
        total += pow(int(data[i]), int(data[i + 1]), m)
    print(total % m)


main()
