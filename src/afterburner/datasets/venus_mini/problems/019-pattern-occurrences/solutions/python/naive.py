# naive: try every alignment and compare character by character, O(n * m)
import sys


def main():
    data = sys.stdin.read().split()
    text, pattern = data[0], data[1]
    n, m = len(text), len(pattern)
    count = 0
    for i in range(n - m + 1):
        j = 0
        while j < m and text[i + j] == pattern[j]:
            j += 1
        if j == m:
            count += 1
    print(count)


main()
