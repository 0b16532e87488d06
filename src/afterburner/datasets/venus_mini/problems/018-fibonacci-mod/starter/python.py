import sys


def main():
    data = sys.stdin.read().split()
    q = int(data[0])
    queries = [int(x) for x in data[1:1 + q]]
    # print F(n) mod 1000000007 for every query, one per line


main()
