# lowlevel: O(n log n) time - sort left ends and right ends independently, sweep both arrays with an index loop
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    starts = [0] * n
    ends = [0] * n
    i = 0
    while i < n:
        starts[i] = int(data[1 + 2 * i])
        ends[i] = int(data[2 + 2 * i])
        i += 1
    starts.sort()
    ends.sort()
    out = []
    begin = starts[0]
    i = 0
    while i < n:
        # the i-th smallest end closes a merged interval when the next start lies beyond it
        if i == n - 1 or starts[i + 1] > ends[i]:
            out.append("%d %d" % (begin, ends[i]))
            if i < n - 1:
                begin = starts[i + 1]
        i += 1
    sys.stdout.write(str(len(out)) + "\n" + "\n".join(out) + "\n")


main()
