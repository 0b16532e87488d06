import sys


def main():
    a, b = sys.stdin.read().split()[:2]
    # compute and print the edit distance between a and b


main()
