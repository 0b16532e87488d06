# lowlevel: O(N log log N) sieve with explicit inner while loops over a plain list
import sys


def main():
    n = int(sys.stdin.read().split()[0])
    if n < 3:
        print(0)
        return
    is_prime = [True] * n
    is_prime[0] = is_prime[1] = False
    count = 0
    i = 2
    while i < n:
        if is_prime[i]:
            count += 1
            j = i * i
            while j < n:
                is_prime[j] = False
                j += i
        i += 1
    print(count)


main()
