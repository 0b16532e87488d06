import sys


def main():
    text, pattern = sys.stdin.read().split()[:2]
    # print the number of (possibly overlapping) occurrences of pattern in text


main()
