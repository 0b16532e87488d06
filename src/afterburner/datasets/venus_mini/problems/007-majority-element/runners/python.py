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
    nums = [int(x) for x in data[1:1 + n]]
    res = Solution().majorityElement(nums)
    sys.stdout.write(str(res) + "\n")


_runner_main()
