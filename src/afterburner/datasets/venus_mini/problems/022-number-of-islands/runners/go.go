package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
)

var _ = math.Abs
var _ = sort.Ints
var _ = strings.Split

==Code Submission==

func main() {
	reader := bufio.NewReaderSize(os.Stdin, 1<<20)
	var r, c int
	fmt.Fscan(reader, &r, &c)
	grid := make([][]byte, r)
	for i := 0; i < r; i++ {
		var s string
		fmt.Fscan(reader, &s)
		grid[i] = []byte(s)
	}
	fmt.Println(numIslands(grid))
}
