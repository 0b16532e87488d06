# optimal: Kahn's algorithm, repeatedly take courses with in-degree zero from a deque, O(n + m)
from collections import deque
from typing import List


class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        unlocks = [[] for _ in range(numCourses)]
        indeg = [0] * numCourses
        for course, pre in prerequisites:
            unlocks[pre].append(course)
            indeg[course] += 1
        queue = deque(c for c in range(numCourses) if indeg[c] == 0)
        taken = 0
        while queue:
            c = queue.popleft()
            taken += 1
            for nxt in unlocks[c]:
                indeg[nxt] -= 1
                if indeg[nxt] == 0:
                    queue.append(nxt)
        return taken == numCourses
