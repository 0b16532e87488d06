import sys
from typing import *
import bisect, collections, functools, heapq, itertools, math

==Code Submission==

if __name__ == "__main__":
    _tokens = sys.stdin.read().split()
    print(Solution().lengthOfLongestSubstring(_tokens[0]))
