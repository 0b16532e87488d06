package main

import (
	"bufio"
	"container/heap"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
)

var _ = heap.Init
var _ = math.Abs
var _ = sort.Ints
var _ = fmt.Sprint

==Code Submission==

func main() {
	reader := bufio.NewReaderSize(os.Stdin, 1<<20)
	readInt := func() int {
		x, neg := 0, false
		c, _ := reader.ReadByte()
		for c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			c, _ = reader.ReadByte()
		}
		if c == '-' {
			neg = true
			c, _ = reader.ReadByte()
		}
		for c >= '0' && c <= '9' {
			x = x*10 + int(c-'0')
			c, _ = reader.ReadByte()
		}
		if neg {
			return -x
		}
		return x
	}
	n, k := readInt(), readInt()
	nums := make([]int, n)
	for i := range nums {
		nums[i] = readInt()
	}
	result := maxSlidingWindow(nums, k)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for i, v := range result {
		if i > 0 {
			w.WriteByte(' ')
		}
		w.WriteString(strconv.Itoa(v))
	}
	w.WriteByte('\n')
}
