// naive: Bellman-Ford over the edge list with early exit, O(V*E)
package main

import (
	"bufio"
	"os"
	"strconv"
)

func main() {
	reader := bufio.NewReaderSize(os.Stdin, 1<<20)
	readInt := func() int64 {
		n := int64(0)
		c, _ := reader.ReadByte()
		for c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			c, _ = reader.ReadByte()
		}
		for c >= '0' && c <= '9' {
			n = n*10 + int64(c-'0')
			c, _ = reader.ReadByte()
		}
		return n
	}
	n, m, s := int(readInt()), int(readInt()), int(readInt())
	us := make([]int, m)
	vs := make([]int, m)
	ws := make([]int64, m)
	for i := 0; i < m; i++ {
		us[i], vs[i], ws[i] = int(readInt()), int(readInt()), readInt()
	}
	const INF = int64(1) << 62
	dist := make([]int64, n)
	for i := range dist {
		dist[i] = INF
	}
	dist[s] = 0
	for pass := 0; pass < n-1; pass++ {
		changed := false
		for i := 0; i < m; i++ {
			du := dist[us[i]]
			if du == INF {
				continue
			}
			if nd := du + ws[i]; nd < dist[vs[i]] {
				dist[vs[i]] = nd
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for i, d := range dist {
		if i > 0 {
			w.WriteByte(' ')
		}
		if d == INF {
			d = -1
		}
		w.WriteString(strconv.FormatInt(d, 10))
	}
	w.WriteByte('\n')
}
