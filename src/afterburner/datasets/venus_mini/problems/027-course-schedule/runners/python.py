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
    n, m = int(data[0]), int(data[1])
    prerequisites = [[int(data[2 + 2 * i]), int(data[3 + 2 * i])] for i in range(m)]
    print("true" if Solution().canFinish(n, prerequisites) else "false")


if __name__ == "__main__":
    _main()
