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
    vals = list(map(int, data[2:2 + n * n]))
    matrix = [vals[i * n:(i + 1) * n] for i in range(n)]
    print(Solution().kthSmallest(matrix, k))


if __name__ == "__main__":
    _main()
