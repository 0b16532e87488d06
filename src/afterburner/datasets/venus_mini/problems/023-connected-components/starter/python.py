import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    # edge i: u = int(data[2 + 2*i]), v = int(data[3 + 2*i])
    # print the number of components after each edge, one per line


main()
