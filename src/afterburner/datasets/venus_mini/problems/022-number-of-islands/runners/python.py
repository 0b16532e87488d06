import sys
from typing import *
from collections import deque, defaultdict, Counter
import heapq
import bisect
import itertools
import math

==Code Submission==


def _main():
    data = sys.stdin.read().split()
    r, c = int(data[0]), int(data[1])
    grid = [list(data[2 + i]) for i in range(r)]
    print(Solution().numIslands(grid))


if __name__ == "__main__":
    _main()
