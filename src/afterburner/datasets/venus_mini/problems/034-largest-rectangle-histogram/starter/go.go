package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	h := make([]int64, n)
	for i := range h {
		fmt.Fscan(in, &h[i])
	}
	// print the largest rectangle area
	_ = h
}
