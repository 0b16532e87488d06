# idiomatic: O(n) window bounds from dict lookups, answer via max() over a generator
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        last = {}

        def window_lengths():
            start = 0
            for i, c in enumerate(s):
                start = max(start, last.get(c, -1) + 1)
                last[c] = i
                yield i - start + 1

        return max(window_lengths())
