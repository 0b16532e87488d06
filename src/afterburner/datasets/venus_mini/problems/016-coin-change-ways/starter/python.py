import sys


def main():
    data = sys.stdin.read().split()
    k, amount = int(data[0]), int(data[1])
    coins = [int(x) for x in data[2:2 + k]]
    # print the number of ways to pay amount, modulo 1000000007


main()
