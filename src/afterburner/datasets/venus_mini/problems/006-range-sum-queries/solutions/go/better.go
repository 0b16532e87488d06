// better: O((n + q) log n) Fenwick tree, each answer as two prefix queries
package main

import (
	"bufio"
	"os"
	"strconv"
)

func readInt(r *bufio.Reader) int64 {
	c, _ := r.ReadByte()
	for c != '-' && (c < '0' || c > '9') {
		c, _ = r.ReadByte()
	}
	neg := c == '-'
	if neg {
		c, _ = r.ReadByte()
	}
	var x int64
	for c >= '0' && c <= '9' {
		x = x*10 + int64(c-'0')
		var err error
		c, err = r.ReadByte()
		if err != nil {
			break
		}
	}
	if neg {
		return -x
	}
	return x
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	n := int(readInt(r))
	tree := make([]int64, n+1)
	for i := 1; i <= n; i++ {
		tree[i] += readInt(r)
		if j := i + (i & -i); j <= n {
			tree[j] += tree[i]
		}
	}
	prefix := func(i int) int64 {
		var s int64
		for ; i > 0; i -= i & -i {
			s += tree[i]
		}
		return s
	}
	q := int(readInt(r))
	for k := 0; k < q; k++ {
		l, rr := int(readInt(r)), int(readInt(r))
		w.WriteString(strconv.FormatInt(prefix(rr+1)-prefix(l), 10))
		w.WriteByte('\n')
	}
}
