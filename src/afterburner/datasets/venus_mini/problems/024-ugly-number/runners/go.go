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
	writer := bufio.NewWriter(os.Stdout)
	defer writer.Flush()
	var q int
	fmt.Fscan(reader, &q)
	for i := 0; i < q; i++ {
		var n int
		fmt.Fscan(reader, &n)
		writer.WriteString(strconv.Itoa(nthUglyNumber(n)))
		writer.WriteByte('\n')
	}
}
