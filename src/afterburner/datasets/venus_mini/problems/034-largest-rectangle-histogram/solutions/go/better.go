// better: O(n log n) expected, O(n^2) worst time - divide and conquer around the lowest bar (recursive, linear min scan)
package main

import (
	"bufio"
	"fmt"
	"os"
)

var h []int64

func solve(lo, hi int) int64 {
	if lo >= hi {
		return 0
	}
	m := lo
	for i := lo + 1; i < hi; i++ {
		if h[i] < h[m] {
			m = i
		}
	}
	best := h[m] * int64(hi-lo)
	if a := solve(lo, m); a > best {
		best = a
	}
	if b := solve(m+1, hi); b > best {
		best = b
	}
	return best
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	h = make([]int64, n)
	for i := range h {
		fmt.Fscan(in, &h[i])
	}
	fmt.Println(solve(0, n))
}
