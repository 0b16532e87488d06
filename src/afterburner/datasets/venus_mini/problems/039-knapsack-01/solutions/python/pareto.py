# pareto: O(n * F) time, F = size of the frontier - sparse list of non-dominated (weight, worth) states, merged with each item's shifted copy
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, cap = int(data[0]), int(data[1])
    states = [(0, 0)]  # strictly increasing in both weight and worth
    for i in range(n):
        w = int(data[2 + 2 * i])
        v = int(data[3 + 2 * i])
        shifted = [(sw + w, sv + v) for sw, sv in states if sw + w <= cap]
        merged = []
        a = b = 0
        la, lb = len(states), len(shifted)
        best = -1
        while a < la or b < lb:
            if b >= lb or (a < la and states[a] <= shifted[b]):
                cw, cv = states[a]
                a += 1
            else:
                cw, cv = shifted[b]
                b += 1
            if cv > best:
                if merged and merged[-1][0] == cw:
                    merged[-1] = (cw, cv)
                else:
                    merged.append((cw, cv))
                best = cv
        states = merged
    print(states[-1][1])


main()
