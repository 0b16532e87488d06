# optimal: O(n) one pass, a dict of counts seen so far, partners are value-k and value+k
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    seen = {}
    get = seen.get
    count = 0
    if k == 0:
        for x in a:
            c = get(x, 0)
            count += c
            seen[x] = c + 1
    else:
        for x in a:
            count += get(x - k, 0) + get(x + k, 0)
            seen[x] = get(x, 0) + 1
    print(count)


main()
