# optimal: O(n log n) time - pack each interval into one integer key (l * 2^30 + r), sort plain ints, merge in one pass
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    vals = list(map(int, data[1:1 + 2 * n]))
    keys = [(l << 30) | r for l, r in zip(vals[0::2], vals[1::2])]
    keys.sort()
    mask = (1 << 30) - 1
    out = []
    cur_l = keys[0] >> 30
    cur_r = keys[0] & mask
    for key in keys:
        l = key >> 30
        if l <= cur_r:
            r = key & mask
            if r > cur_r:
                cur_r = r
        else:
            out.append(f"{cur_l} {cur_r}")
            cur_l = l
            cur_r = key & mask
    out.append(f"{cur_l} {cur_r}")
    sys.stdout.write(f"{len(out)}\n" + "\n".join(out) + "\n")


main()
