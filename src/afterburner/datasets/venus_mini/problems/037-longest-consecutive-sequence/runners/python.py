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
    n = int(data[0])
    nums = [int(x) for x in data[1:1 + n]]
    print(Solution().longestConsecutive(nums))


_runner_main()
