# lowlevel: Z-algorithm over the byte codes of pattern + separator + text, explicit loops, O(n + m)
import sys


def main():
    data = sys.stdin.buffer.read().split()
    pattern = data[1]
    s = pattern + b"#" + data[0]
    total = len(s)
    m = len(pattern)
    z = [0] * total
    left = right = 0
    count = 0
    i = 1
    while i < total:
        k = 0
        if i < right:
            k = z[i - left]
            if k > right - i:
                k = right - i
        while i + k < total and s[k] == s[i + k]:
            k += 1
        z[i] = k
        if i + k > right:
            left = i
            right = i + k
        if k >= m and i > m:
            count += 1
        i += 1
    sys.stdout.write("%d\n" % count)


main()
