# lean: 1-D counting with a conditional subtraction instead of %, skipping coins above A, O(k * A)
import sys

MOD = 1_000_000_007


def main():
    data = sys.stdin.read().split()
    k, amount = int(data[0]), int(data[1])
    ways = [0] * (amount + 1)
    ways[0] = 1
    for i in range(k):
        c = int(data[2 + i])
        if c > amount:
            continue
        for a in range(c, amount + 1):
            v = ways[a] + ways[a - c]
            if v >= MOD:
                v -= MOD
            ways[a] = v
    print(ways[amount])


main()
