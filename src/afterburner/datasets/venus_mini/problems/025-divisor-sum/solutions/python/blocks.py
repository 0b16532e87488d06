# blocks: walk the O(sqrt N) blocks of i on which floor(N / i) is constant, O(sqrt N)
import sys


def main():
    n = int(sys.stdin.read().split()[0])
    total = 0
    i = 1
    while i <= n:
        q = n // i
        last = n // q
        total += q * (last - i + 1)
        i = last + 1
    print(total)


main()
