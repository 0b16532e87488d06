package main

import (
	"bufio"
	"container/heap"
	"fmt"
	"math"
	"os"
	"sort"
)

var _ = heap.Init
var _ = math.Abs
var _ = sort.Ints

==Code Submission==

func main() {
	reader := bufio.NewReaderSize(os.Stdin, 1<<20)
	var n, m int
	fmt.Fscan(reader, &n, &m)
	prerequisites := make([][]int, m)
	for i := 0; i < m; i++ {
		var a, b int
		fmt.Fscan(reader, &a, &b)
		prerequisites[i] = []int{a, b}
	}
	if canFinish(n, prerequisites) {
		fmt.Println("true")
	} else {
		fmt.Println("false")
	}
}
