# lowlevel: O(n L) signature = product of one prime per letter (unique factorization), explicit loops
import sys

PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101]


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    table = [1] * 256
    for c in range(26):
        table[97 + c] = PRIMES[c]
    counts = {}
    largest = 0
    i = 1
    while i <= n:
        key = 1
        for code in data[i]:
            key *= table[code]
        c = counts.get(key, 0) + 1
        counts[key] = c
        if c > largest:
            largest = c
        i += 1
    sys.stdout.write("%d %d\n" % (len(counts), largest))


main()
