import sys
from typing import List, Optional, Tuple, Dict
import bisect
import collections
import heapq
import itertools
import math
from collections import Counter, defaultdict, deque
==Code Submission==


def _runner_main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    points = [[int(data[2 + 2 * i]), int(data[3 + 2 * i])] for i in range(n)]
    res = Solution().kClosest(points, k)
    sys.stdout.write("".join(f"{p[0]} {p[1]}\n" for p in res))


_runner_main()
