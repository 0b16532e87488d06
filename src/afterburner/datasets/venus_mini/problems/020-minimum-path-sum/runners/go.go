package main

import (
	"bufio"
	"container/heap"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
)

var _ = heap.Init
var _ = fmt.Sprint
var _ = math.MaxInt32
var _ = sort.Ints
var _ = strconv.Itoa
var _ = strings.Fields

==Code Submission==

func main() {
	data, _ := io.ReadAll(bufio.NewReader(os.Stdin))
	tokens := strings.Fields(string(data))
	r, _ := strconv.Atoi(tokens[0])
	c, _ := strconv.Atoi(tokens[1])
	grid := make([][]int, r)
	pos := 2
	for i := 0; i < r; i++ {
		grid[i] = make([]int, c)
		for j := 0; j < c; j++ {
			grid[i][j], _ = strconv.Atoi(tokens[pos])
			pos++
		}
	}
	fmt.Println(minPathSum(grid))
}
