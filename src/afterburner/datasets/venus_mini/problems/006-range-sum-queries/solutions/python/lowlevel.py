# lowlevel: O(n + q) prefix sums and query answers with index-driven while loops
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    prefix = [0] * (n + 1)
    i = 0
    while i < n:
        prefix[i + 1] = prefix[i] + int(data[i + 1])
        i += 1
    q = int(data[n + 1])
    out = [0] * q
    pos = n + 2
    k = 0
    while k < q:
        l = int(data[pos])
        r = int(data[pos + 1])
        out[k] = prefix[r + 1] - prefix[l]
        pos += 2
        k += 1
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
