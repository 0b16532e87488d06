import sys
from typing import *
from collections import Counter, defaultdict, deque, OrderedDict
import bisect
import collections
import functools
import heapq
import itertools
import math

==Code Submission==

if __name__ == "__main__":
    _tokens = sys.stdin.read().split()
    _r, _c = int(_tokens[0]), int(_tokens[1])
    _grid = [[int(x) for x in _tokens[2 + i * _c:2 + (i + 1) * _c]] for i in range(_r)]
    print(Solution().minPathSum(_grid))
