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
    n = int(data[0])
    k = int(data[1])
    nums = [int(x) for x in data[2:2 + n]]
    res = Solution().containsNearbyDuplicate(nums, k)
    sys.stdout.write(("true" if res else "false") + "\n")


_runner_main()
