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
    q = int(data[0])
    sol = Solution()
    out = [str(sol.nthUglyNumber(int(data[1 + i]))) for i in range(q)]
    print("\n".join(out))


if __name__ == "__main__":
    _main()
