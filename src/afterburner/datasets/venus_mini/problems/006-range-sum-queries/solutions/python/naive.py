# naive: O(n*q) add up every queried range element by element
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    q = int(data[1 + n])
    pos = 2 + n
    out = []
    for _ in range(q):
        l = int(data[pos])
        r = int(data[pos + 1])
        pos += 2
        s = 0
        for i in range(l, r + 1):
            s += a[i]
        out.append(s)
    print("\n".join(map(str, out)))


main()
