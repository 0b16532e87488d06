import sys

MOD = 1_000_000_007


def main():
    data = sys.stdin.buffer.read().split()
    m, p = int(data[0]), int(data[1])
    a = [[int(data[2 + i * m + j]) for j in range(m)] for i in range(m)]
    # print the rows of A^p mod 1000000007


main()
