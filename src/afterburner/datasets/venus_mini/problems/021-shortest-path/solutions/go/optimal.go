// optimal: Dijkstra with container/heap and lazy deletion over CSR arrays, O((V + E) log V)
package main

import (
	"bufio"
	"container/heap"
	"os"
	"strconv"
)

type item struct {
	d int64
	v int32
}
type minHeap []item

func (h minHeap) Len() int            { return len(h) }
func (h minHeap) Less(i, j int) bool  { return h[i].d < h[j].d }
func (h minHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x interface{}) { *h = append(*h, x.(item)) }
func (h *minHeap) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

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
	eu := make([]int32, m)
	ev := make([]int32, m)
	ew := make([]int64, m)
	start := make([]int32, n+1)
	for i := 0; i < m; i++ {
		eu[i], ev[i], ew[i] = int32(readInt()), int32(readInt()), readInt()
		start[eu[i]+1]++
	}
	for i := 0; i < n; i++ {
		start[i+1] += start[i]
	}
	fill := make([]int32, n)
	copy(fill, start[:n])
	to := make([]int32, m)
	wt := make([]int64, m)
	for i := 0; i < m; i++ {
		k := fill[eu[i]]
		fill[eu[i]]++
		to[k] = ev[i]
		wt[k] = ew[i]
	}
	dist := make([]int64, n)
	for i := range dist {
		dist[i] = -1
	}
	dist[s] = 0
	h := &minHeap{{0, int32(s)}}
	for h.Len() > 0 {
		top := heap.Pop(h).(item)
		u := top.v
		if top.d != dist[u] {
			continue
		}
		for k := start[u]; k < start[u+1]; k++ {
			v := to[k]
			nd := top.d + wt[k]
			if dist[v] < 0 || nd < dist[v] {
				dist[v] = nd
				heap.Push(h, item{nd, v})
			}
		}
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for i, d := range dist {
		if i > 0 {
			w.WriteByte(' ')
		}
		w.WriteString(strconv.FormatInt(d, 10))
	}
	w.WriteByte('\n')
}
