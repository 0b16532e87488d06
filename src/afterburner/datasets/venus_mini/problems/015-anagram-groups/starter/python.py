import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    words = data[1:1 + n]
    # print the number of anagram groups and the size of the largest group


main()
