# naive: O(n^2) time - for every position scan to the right until a larger element appears
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    res = []
    for i in range(n):
        ans = -1
        for j in range(i + 1, n):
            if a[j] > a[i]:
                ans = a[j]
                break
        res.append(ans)
    print(" ".join(str(x) for x in res))


main()
