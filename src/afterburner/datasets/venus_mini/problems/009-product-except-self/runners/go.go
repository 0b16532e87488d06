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
var _ = math.MaxInt64
var _ = sort.Ints
var _ = strconv.Itoa
var _ = strings.Fields

==Code Submission==

func main() {
	raw, _ := io.ReadAll(bufio.NewReader(os.Stdin))
	tokens := strings.Fields(string(raw))
	n, _ := strconv.Atoi(tokens[0])
	nums := make([]int, n)
	for i := 0; i < n; i++ {
		nums[i], _ = strconv.Atoi(tokens[1+i])
	}
	res := productExceptSelf(nums)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for i, v := range res {
		if i > 0 {
			w.WriteByte(' ')
		}
		w.WriteString(strconv.Itoa(v))
	}
	w.WriteByte('\n')
}
