# lean: answer the queries in sorted order during one forward pass, O(max n + q log q), O(q) memory
import sys

MOD = 1_000_000_007


def main():
    data = sys.stdin.read().split()
    q = int(data[0])
    queries = [int(x) for x in data[1:1 + q]]
    order = sorted(range(q), key=queries.__getitem__)
    answers = [0] * q
    a, b = 0, 1  # F(i), F(i+1)
    i = 0
    for idx in order:
        target = queries[idx]
        while i < target:
            a, b = b, (a + b) % MOD
            i += 1
        answers[idx] = a
    print("\n".join(map(str, answers)))


main()
