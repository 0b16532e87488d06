# idiomatic: per call, a lazy self-feeding stream from itertools.tee, heapq.merge and groupby, O(n) per call with generator overhead
from heapq import merge
from itertools import chain, groupby, islice, tee


class Solution:
    def nthUglyNumber(self, n: int) -> int:
        def replay():
            yield from stream

        feed2, feed3, feed5, result = tee(replay(), 4)
        scaled = merge((2 * x for x in feed2), (3 * x for x in feed3), (5 * x for x in feed5))
        stream = chain((1,), (value for value, _ in groupby(scaled)))
        return next(islice(result, n - 1, None))
