// optimal: O(n) time - single pass with a monotonic stack of indices in a plain slice; byte-level input
package main

import (
	"bufio"
	"os"
	"strconv"
)

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	readInt := func() int64 {
		c, err := in.ReadByte()
		for err == nil && (c < '0' || c > '9') {
			c, err = in.ReadByte()
		}
		var v int64
		for err == nil && c >= '0' && c <= '9' {
			v = v*10 + int64(c-'0')
			c, err = in.ReadByte()
		}
		return v
	}
	n := int(readInt())
	h := make([]int64, n+1)
	for i := 0; i < n; i++ {
		h[i] = readInt()
	}
	st := make([]int, n+2)
	top := 0
	st[0] = -1
	var best int64
	for i := 0; i <= n; i++ {
		for top > 0 && h[st[top]] >= h[i] {
			height := h[st[top]]
			top--
			if area := height * int64(i-st[top]-1); area > best {
				best = area
			}
		}
		top++
		st[top] = i
	}
	os.Stdout.WriteString(strconv.FormatInt(best, 10) + "\n")
}
