# prefix: O(n) prefix sums, answer = max over r of prefix[r] minus the smallest earlier prefix
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    prefix = 0
    lowest = 0
    best = a[0]
    for x in a:
        prefix += x
        if prefix - lowest > best:
            best = prefix - lowest
        if prefix < lowest:
            lowest = prefix
    print(best)


main()
