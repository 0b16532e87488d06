# optimal: O(n + q) prefix sums, each answer is prefix[r+1] - prefix[l]
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    prefix = [0] * (n + 1)
    s = 0
    for i in range(n):
        s += int(data[1 + i])
        prefix[i + 1] = s
    q = int(data[1 + n])
    ends = list(map(int, data[2 + n:2 + n + 2 * q]))
    out = [prefix[ends[2 * i + 1] + 1] - prefix[ends[2 * i]] for i in range(q)]
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
