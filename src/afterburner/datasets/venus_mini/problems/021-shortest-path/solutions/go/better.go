// better: array-scan Dijkstra without a heap, O(V^2 + E)
package main

import (
	"bufio"
	"os"
	"strconv"
)

type edge struct {
	to int
	w  int64
}

func main() {
	reader := bufio.NewReaderSize(os.Stdin, 1<<20)
	readInt := func() int64 {
		x := int64(0)
		c, _ := reader.ReadByte()
		for c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			c, _ = reader.ReadByte()
		}
		for c >= '0' && c <= '9' {
			x = x*10 + int64(c-'0')
			c, _ = reader.ReadByte()
		}
		return x
	}
	n, m, s := int(readInt()), int(readInt()), int(readInt())
	adj := make([][]edge, n)
	for i := 0; i < m; i++ {
		u, v, w := int(readInt()), int(readInt()), readInt()
		adj[u] = append(adj[u], edge{v, w})
	}
	const INF = int64(1) << 62
	dist := make([]int64, n)
	done := make([]bool, n)
	for i := range dist {
		dist[i] = INF
	}
	dist[s] = 0
	for it := 0; it < n; it++ {
		u := -1
		for v := 0; v < n; v++ {
			if !done[v] && dist[v] != INF && (u < 0 || dist[v] < dist[u]) {
				u = v
			}
		}
		if u < 0 {
			break
		}
		done[u] = true
		for _, e := range adj[u] {
			if dist[u]+e.w < dist[e.to] {
				dist[e.to] = dist[u] + e.w
			}
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
