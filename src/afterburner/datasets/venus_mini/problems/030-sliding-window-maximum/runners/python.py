import sys
from typing import *
from collections import deque, defaultdict, Counter
import heapq
import bisect
import itertools
import math

==Code Submission==


def _main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    nums = list(map(int, data[2:2 + n]))
    result = Solution().maxSlidingWindow(nums, k)
    sys.stdout.write(" ".join(map(str, result)) + "\n")


if __name__ == "__main__":
    _main()
