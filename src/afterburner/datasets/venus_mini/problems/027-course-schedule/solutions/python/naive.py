# naive: rounds of scanning every prerequisite pair, taking all courses whose prerequisites were done before the round, O(L*(n+m)) for longest chain L
from typing import List


class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        done = [False] * numCourses
        remaining = numCourses
        while remaining:
            blocked = [False] * numCourses
            for course, pre in prerequisites:
                if not done[pre]:
                    blocked[course] = True
            progress = False
            for c in range(numCourses):
                if not done[c] and not blocked[c]:
                    done[c] = True
                    remaining -= 1
                    progress = True
            if not progress:
                return False
        return True
