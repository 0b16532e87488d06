# optimal: O(n) time - left-to-right pass with a stack of indices still waiting for a larger element
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    res = [-1] * n
    stack = []
    push = stack.append
    pop = stack.pop
    for i in range(n):
        x = a[i]
        while stack and a[stack[-1]] < x:
            res[pop()] = x
        push(i)
    sys.stdout.write(" ".join(map(str, res)) + "\n")


main()
