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
	fmt.Println(longestCommonSubsequence(tokens[0], tokens[1]))
}
