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
	matrix := make([][]int, n)
	for i := 0; i < n; i++ {
		matrix[i] = make([]int, n)
		for j := 0; j < n; j++ {
			matrix[i][j] = readInt()
		}
	}
	fmt.Println(strconv.Itoa(kthSmallest(matrix, k)))
}
