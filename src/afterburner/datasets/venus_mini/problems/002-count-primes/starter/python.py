import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    # print the number of primes below n


main()
