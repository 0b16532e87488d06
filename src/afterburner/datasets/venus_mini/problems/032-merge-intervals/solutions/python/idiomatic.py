# idiomatic: O(n log n) time - sorted() over zipped tuples, merge into a list of lists, join the output
import sys


def main():
    nums = map(int, sys.stdin.read().split())
    n = next(nums)
    merged = []
    for l, r in sorted(zip(nums, nums)):
        if merged and l <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], r)
        else:
            merged.append([l, r])
    print(len(merged))
    print("\n".join(f"{l} {r}" for l, r in merged))


main()
