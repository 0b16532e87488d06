# idiomatic: graphlib.TopologicalSorter from the standard library; a CycleError means some course can never be taken, O(n + m)
from graphlib import CycleError, TopologicalSorter
from typing import List


class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        sorter = TopologicalSorter({c: () for c in range(numCourses)})
        for course, pre in prerequisites:
            sorter.add(course, pre)
        try:
            sorter.prepare()
        except CycleError:
            return False
        return True
