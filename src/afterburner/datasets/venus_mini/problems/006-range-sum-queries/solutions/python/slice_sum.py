# slice_sum: O(n*q) but each range is added in C, sum(a[l:r+1])
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    q = int(data[1 + n])
    nums = data[2 + n:2 + n + 2 * q]
    out = [sum(a[int(nums[2 * i]):int(nums[2 * i + 1]) + 1]) for i in range(q)]
    print("\n".join(map(str, out)))


main()
