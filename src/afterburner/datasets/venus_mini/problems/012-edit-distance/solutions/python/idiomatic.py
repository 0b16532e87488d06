# idiomatic: row DP with list comprehensions and itertools.accumulate, O(n*m)
import sys
from itertools import accumulate


def main():
    a, b = sys.stdin.read().split()[:2]
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        # best without a horizontal (insertion) step: from above or from the diagonal
        vert = [min(up + 1, diag + (ca != cb)) for up, diag, cb in zip(prev[1:], prev, b)]
        # horizontal steps chain left to right: cur[j] = min(vert[j], cur[j-1] + 1)
        prev = list(accumulate(vert, lambda left, v: v if v <= left + 1 else left + 1, initial=i))
    print(prev[-1])


main()
