import sys


def main():
    data = sys.stdin.buffer.read().split()
    q, m = int(data[0]), int(data[1])
    for i in range(q):
        a, b = int(data[2 + 2 * i]), int(data[3 + 2 * i])
    # print (a_1^b_1 + ... + a_q^b_q) mod m


main()
