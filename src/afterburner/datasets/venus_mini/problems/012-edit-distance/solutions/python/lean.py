# lean: two rolling rows over the shorter string, O(n*m) time, O(min(n,m)) memory
import sys


def main():
    a, b = sys.stdin.read().split()[:2]
    if len(b) > len(a):
        a, b = b, a
    m = len(b)
    prev = list(range(m + 1))
    cur = [0] * (m + 1)
    for i, ca in enumerate(a, 1):
        cur[0] = i
        for j in range(1, m + 1):
            if ca == b[j - 1]:
                cur[j] = prev[j - 1]
            else:
                x = prev[j]
                y = cur[j - 1]
                z = prev[j - 1]
                if y < x:
                    x = y
                if z < x:
                    x = z
                cur[j] = x + 1
        prev, cur = cur, prev
    print(prev[m])


main()
