# lowlevel: array-based trie over byte codes walked forward from every reachable position, O(n * L)
from typing import List


class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        # trie as a flat list of 26-slot child tables; node 0 is the root
        children = [[0] * 26]
        terminal = [False]
        for w in wordDict:
            node = 0
            for code in w.encode():
                c = code - 97
                nxt = children[node][c]
                if nxt == 0:
                    nxt = len(children)
                    children.append([0] * 26)
                    terminal.append(False)
                    children[node][c] = nxt
                node = nxt
            terminal[node] = True
        b = s.encode()
        n = len(b)
        ok = bytearray(n + 1)
        ok[0] = 1
        i = 0
        while i < n:
            if ok[i]:
                node = 0
                j = i
                while j < n:
                    node = children[node][b[j] - 97]
                    if node == 0:
                        break
                    j += 1
                    if terminal[node]:
                        ok[j] = 1
            i += 1
        return ok[n] == 1
