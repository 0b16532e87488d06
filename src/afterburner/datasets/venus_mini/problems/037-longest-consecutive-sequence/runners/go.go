package main

import (
	"bufio"
	"container/heap"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
)

var _ = heap.Init
var _ = math.Abs
var _ = sort.Ints
var _ = strconv.Itoa
var _ = strings.Fields
==Code Submission==

func runnerReadInt(r *bufio.Reader) int {
	c, err := r.ReadByte()
	for err == nil && c != '-' && (c < '0' || c > '9') {
		c, err = r.ReadByte()
	}
	neg := false
	if c == '-' {
		neg = true
		c, _ = r.ReadByte()
	}
	v := 0
	for c >= '0' && c <= '9' {
		v = v*10 + int(c-'0')
		c, err = r.ReadByte()
		if err != nil {
			break
		}
	}
	if neg {
		return -v
	}
	return v
}

func main() {
	runnerIn := bufio.NewReaderSize(os.Stdin, 1<<16)
	runnerOut := bufio.NewWriter(os.Stdout)
	defer runnerOut.Flush()
	n := runnerReadInt(runnerIn)
	nums := make([]int, n)
	for i := 0; i < n; i++ {
		nums[i] = runnerReadInt(runnerIn)
	}
	fmt.Fprintln(runnerOut, longestConsecutive(nums))
}
