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
    _s = _tokens[0]
    _m = int(_tokens[1])
    _words = _tokens[2:2 + _m]
    print("true" if Solution().wordBreak(_s, _words) else "false")
