# lean: O(n log n) in-place sort, then one run-length pass feeding a size-k heap, O(k) extra memory
import heapq

import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    a.sort()
    heap = []  # min-heap on rank; the worst kept entry sits on top
    i = 0
    while i < n:
        j = i
        x = a[i]
        while j < n and a[j] == x:
            j += 1
        entry = (j - i, -x)  # larger is better: more copies, then smaller value
        if len(heap) < k:
            heapq.heappush(heap, entry)
        elif entry > heap[0]:
            heapq.heapreplace(heap, entry)
        i = j
    heap.sort(reverse=True)
    print(" ".join(str(-nv) for _, nv in heap))


main()
