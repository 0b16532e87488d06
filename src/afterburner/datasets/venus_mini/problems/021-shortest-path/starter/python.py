import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m, s = int(data[0]), int(data[1]), int(data[2])
    # edges: data[3 + 3*i], data[4 + 3*i], data[5 + 3*i] = u, v, w
    # print the n distances on one line, -1 for unreachable nodes


main()
