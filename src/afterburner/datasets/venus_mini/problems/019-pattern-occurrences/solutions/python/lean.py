# lean: repeated str.find from one past the previous hit (C-level search), O(n + m) typical, O(1) extra memory
import sys


def main():
    data = sys.stdin.read().split()
    text, pattern = data[0], data[1]
    find = text.find
    count = 0
    pos = find(pattern)
    while pos != -1:
        count += 1
        pos = find(pattern, pos + 1)
    print(count)


main()
