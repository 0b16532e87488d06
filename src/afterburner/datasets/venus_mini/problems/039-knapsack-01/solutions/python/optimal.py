# optimal: O(n * W) worst time, O(W) memory - rolling row restricted to the capacity window that can still matter (prefix and suffix weight bounds), window updated by one comprehension
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, cap = int(data[0]), int(data[1])
    items = [(int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(n)]
    suffix = sum(w for w, _ in items)
    cap = min(cap, suffix)  # nothing can weigh more than all items together
    dp = [0] * (cap + 1)
    prefix = 0
    for w, v in items:
        old = min(cap, prefix)
        prefix += w
        suffix -= w
        hi = min(cap, prefix)  # the items so far weigh at most `prefix`
        if hi > old:
            dp[old + 1:hi + 1] = [dp[old]] * (hi - old)
        lo = max(w, cap - suffix)  # smaller capacities are never read again
        if lo <= hi:
            # reads only the old row, so every item is used at most once
            dp[lo:hi + 1] = [b + v if b + v > a else a
                             for a, b in zip(dp[lo:hi + 1], dp[lo - w:hi + 1 - w])]
    print(dp[cap])


main()
