import sys
from typing import List, Optional, Tuple, Dict
import bisect
import collections
import heapq
import itertools
import math
from collections import Counter, defaultdict, deque
from itertools import accumulate
==Code Submission==


def _runner_main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    nums = [int(x) for x in data[2:2 + n]]
    print(Solution().findKthLargest(nums, k))


_runner_main()
