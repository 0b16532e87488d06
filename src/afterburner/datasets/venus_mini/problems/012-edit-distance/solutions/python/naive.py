# naive: top-down recursion memoized in a dict, O(n*m) states with heavy call overhead
import sys


def main():
    a, b = sys.stdin.read().split()[:2]
    n, m = len(a), len(b)
    sys.setrecursionlimit(10000)
    memo = {}

    def dist(i, j):
        if i == n:
            return m - j
        if j == m:
            return n - i
        key = (i, j)
        if key in memo:
            return memo[key]
        if a[i] == b[j]:
            res = dist(i + 1, j + 1)
        else:
            res = 1 + min(dist(i + 1, j), dist(i, j + 1), dist(i + 1, j + 1))
        memo[key] = res
        return res

    print(dist(0, 0))


main()
