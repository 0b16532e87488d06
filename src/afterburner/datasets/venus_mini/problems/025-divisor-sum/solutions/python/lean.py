# lean: D(N) = sum of floor(N / i) over i, one running sum in a loop, O(N) time, O(1) memory
import sys


def main():
    n = int(sys.stdin.read().split()[0])
    total = 0
    i = 1
    while i <= n:
        total += n // i
        i += 1
    print(total)


main()
