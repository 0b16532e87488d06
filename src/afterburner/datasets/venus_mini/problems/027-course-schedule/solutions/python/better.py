# better: three-colour depth-first search for a cycle with an explicit stack, O(n + m)
from typing import List


class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        needs = [[] for _ in range(numCourses)]
        for course, pre in prerequisites:
            needs[course].append(pre)
        state = [0] * numCourses  # 0 = unseen, 1 = on the current path, 2 = finished
        for start in range(numCourses):
            if state[start]:
                continue
            state[start] = 1
            stack = [(start, iter(needs[start]))]
            while stack:
                node, it = stack[-1]
                for nxt in it:
                    if state[nxt] == 1:
                        return False
                    if state[nxt] == 0:
                        state[nxt] = 1
                        stack.append((nxt, iter(needs[nxt])))
                        break
                else:
                    state[node] = 2
                    stack.pop()
        return True
