# idiomatic: re.finditer with a zero-width lookahead so overlapping matches are all reported
import re
import sys


def main():
    text, pattern = sys.stdin.read().split()[:2]
    print(sum(1 for _ in re.finditer("(?=" + re.escape(pattern) + ")", text)))


main()
