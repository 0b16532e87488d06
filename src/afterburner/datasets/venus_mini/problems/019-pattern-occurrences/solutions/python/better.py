# better: every alignment compared as one C-level slice comparison, O(n * m) worst case
import sys


def main():
    data = sys.stdin.read().split()
    text, pattern = data[0], data[1]
    m = len(pattern)
    first = pattern[0]
    count = 0
    for i in range(len(text) - m + 1):
        if text[i] == first and text[i:i + m] == pattern:
            count += 1
    print(count)


main()
