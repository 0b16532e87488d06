# lean: O(n + q) prefix sums kept in a compact array('q') of 64-bit ints, answers streamed out
import sys
from array import array


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    prefix = array('q', bytes(8 * (n + 1)))
    s = 0
    for i in range(n):
        s += int(data[1 + i])
        prefix[i + 1] = s
    q = int(data[1 + n])
    pos = 2 + n
    write = sys.stdout.write
    for _ in range(q):
        write(f"{prefix[int(data[pos + 1]) + 1] - prefix[int(data[pos])]}\n")
        pos += 2


main()
