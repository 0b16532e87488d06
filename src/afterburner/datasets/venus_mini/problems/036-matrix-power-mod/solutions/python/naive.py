# naive: O(p * m^3) time - multiply by A p times, fresh matrix per step, reduce after every multiply-add
import sys

MOD = 1_000_000_007


def main():
    data = sys.stdin.read().split()
    m, p = int(data[0]), int(data[1])
    a = [[int(data[2 + i * m + j]) for j in range(m)] for i in range(m)]
    result = [[1 if i == j else 0 for j in range(m)] for i in range(m)]
    for _ in range(p):
        nxt = [[0] * m for _ in range(m)]
        for i in range(m):
            for j in range(m):
                for t in range(m):
                    nxt[i][j] = (nxt[i][j] + result[i][t] * a[t][j]) % MOD
        result = nxt
    for row in result:
        print(" ".join(str(x) for x in row))


main()
