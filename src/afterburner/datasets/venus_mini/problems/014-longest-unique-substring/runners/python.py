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
    print(Solution().lengthOfLongestSubstring(_tokens[0]))
