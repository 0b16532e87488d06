# lowlevel: iterative DFS cycle check on CSR arrays with an explicit (node, edge cursor) stack in plain while loops, O(n + m)
from typing import List


class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        n = numCourses
        m = len(prerequisites)
        start = [0] * (n + 1)
        i = 0
        while i < m:
            start[prerequisites[i][0] + 1] += 1
            i += 1
        v = 0
        while v < n:
            start[v + 1] += start[v]
            v += 1
        fill = start[:]
        adj = [0] * m
        i = 0
        while i < m:
            c = prerequisites[i][0]
            adj[fill[c]] = prerequisites[i][1]
            fill[c] += 1
            i += 1
        state = [0] * n
        node_stack = [0] * n
        cursor = [0] * n
        s = 0
        while s < n:
            if state[s] == 0:
                top = 0
                node_stack[0] = s
                cursor[0] = start[s]
                state[s] = 1
                while top >= 0:
                    u = node_stack[top]
                    k = cursor[top]
                    if k < start[u + 1]:
                        cursor[top] = k + 1
                        w = adj[k]
                        if state[w] == 1:
                            return False
                        if state[w] == 0:
                            state[w] = 1
                            top += 1
                            node_stack[top] = w
                            cursor[top] = start[w]
                    else:
                        state[u] = 2
                        top -= 1
            s += 1
        return True
