# idiomatic: O(n * W) time, O(W) memory - rolling row updated with slices: map(max) over the row and the row shifted by w plus v
import sys


def main():
    n, cap, *rest = map(int, sys.stdin.read().split())
    dp = [0] * (cap + 1)
    for w, v in zip(rest[0::2], rest[1::2]):
        if w <= cap:
            dp[w:] = map(max, dp[w:], [x + v for x in dp[:cap + 1 - w]])
    print(dp[cap])


main()
