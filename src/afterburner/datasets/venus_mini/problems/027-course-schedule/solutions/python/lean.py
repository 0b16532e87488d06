# lean: Kahn's algorithm on flat CSR arrays (array('i')), the output order doubles as the queue, O(n + m)
from array import array
from typing import List


class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        n = numCourses
        start = array("i", bytes(4 * (n + 1)))
        indeg = array("i", bytes(4 * n))
        for course, pre in prerequisites:
            start[pre + 1] += 1
            indeg[course] += 1
        for v in range(n):
            start[v + 1] += start[v]
        fill = array("i", start)
        succ = array("i", bytes(4 * len(prerequisites)))
        for course, pre in prerequisites:
            succ[fill[pre]] = course
            fill[pre] += 1
        del fill
        order = array("i", (v for v in range(n) if indeg[v] == 0))
        head = 0
        while head < len(order):
            v = order[head]
            head += 1
            for k in range(start[v], start[v + 1]):
                w = succ[k]
                indeg[w] -= 1
                if indeg[w] == 0:
                    order.append(w)
        return len(order) == n
