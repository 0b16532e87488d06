# lowlevel: O(n * W) time, O(W) memory - rolling row with explicit while loops and locals, no range objects or builtins in the hot loop
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    cap = int(data[1])
    dp = [0] * (cap + 1)
    i = 0
    while i < n:
        w = int(data[2 + 2 * i])
        v = int(data[3 + 2 * i])
        c = cap
        k = cap - w
        while k >= 0:
            cand = dp[k] + v
            if cand > dp[c]:
                dp[c] = cand
            c -= 1
            k -= 1
        i += 1
    sys.stdout.write(str(dp[cap]) + "\n")


main()
