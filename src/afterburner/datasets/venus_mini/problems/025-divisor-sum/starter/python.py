import sys


def main():
    n = int(sys.stdin.read().split()[0])
    # print d(1) + d(2) + ... + d(n)


main()
