# optimal: Myers/Hyyro bit-parallel DP on Python big ints, O(n * ceil(m/w)) word operations
import sys


def main():
    a, b = sys.stdin.read().split()[:2]
    if len(a) < len(b):
        a, b = b, a
    # the shorter string b becomes the bit-vector "pattern"; a is scanned character by character
    m = len(b)
    peq = {}
    for i, c in enumerate(b):
        peq[c] = peq.get(c, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for c in a:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    print(score)


main()
