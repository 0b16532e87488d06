import sys
from typing import *
from collections import Counter, defaultdict, deque, OrderedDict
import bisect
import heapq
import itertools
import functools
import math

==Code Submission==


def _runner_main():
    data = sys.stdin.buffer.read().split()
    n, target = int(data[0]), int(data[1])
    nums = [int(x) for x in data[2:2 + n]]
    res = Solution().twoSum(nums, target)
    sys.stdout.write(" ".join(map(str, res)) + "\n")


_runner_main()
